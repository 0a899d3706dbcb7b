import { describe, expect, it } from "vitest";
import type { ReadinessCheck } from "./check";
import { checkStatusView } from "./status-view";
import { summarizeReadiness } from "./summary";

const check = (id: string, status: ReadinessCheck["status"], level: ReadinessCheck["level"] = "required") =>
  ({ id, title: id, status, level, detail: "", fix: "" }) satisfies ReadinessCheck;

describe("summarizeReadiness", () => {
  it("is Ready when every required check passes, mentioning warnings", () => {
    const summary = summarizeReadiness([
      check("a", "pass"),
      check("b", "pass"),
      check("c", "fail", "advisory"),
    ]);

    expect(summary).toMatchObject({ state: "ready", headline: "Ready", tone: "success" });
    expect(summary.detail).toBe("2 of 3 checks pass; 1 warning.");
    expect(summary.warnings.map((c) => c.id)).toEqual(["c"]);
  });

  it("counts failing required checks in the headline", () => {
    const summary = summarizeReadiness([
      check("a", "fail"),
      check("b", "fail"),
      check("c", "unknown"),
      check("d", "pass"),
    ]);

    expect(summary).toMatchObject({ state: "failing", headline: "2 checks failing", tone: "failure" });
    expect(summary.detail).toBe("1 of 4 checks pass; 1 check could not be run.");
  });

  it("does not call a repository ready when a check could not be run", () => {
    const summary = summarizeReadiness([check("a", "pass"), check("b", "unknown")]);

    expect(summary).toMatchObject({
      state: "unverified",
      headline: "Not verified: 1 check could not be run",
      tone: "warning",
    });
  });
});

describe("checkStatusView", () => {
  it("says the status in words, an advisory failure being a warning", () => {
    expect(checkStatusView(check("a", "pass"))).toEqual({ label: "Pass", tone: "success" });
    expect(checkStatusView(check("a", "fail"))).toEqual({ label: "Fail", tone: "failure" });
    expect(checkStatusView(check("a", "fail", "advisory"))).toEqual({ label: "Warning", tone: "warning" });
    expect(checkStatusView(check("a", "unknown"))).toEqual({ label: "Unknown", tone: "waiting" });
  });
});
