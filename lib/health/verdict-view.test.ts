import { describe, expect, it } from "vitest";
import { verdictView } from "./verdict-view";

describe("verdictView", () => {
  it("names every verdict in words with the matching tone", () => {
    expect(verdictView("healthy")).toEqual({ kind: "healthy", label: "Healthy", tone: "success" });
    expect(verdictView("degraded")).toMatchObject({ label: "Degraded", tone: "warning" });
    expect(verdictView("unhealthy")).toMatchObject({ label: "Unhealthy", tone: "failure" });
  });

  it("never gives missing, unknown or unconfigured health the healthy tone", () => {
    for (const kind of ["no_data", "unknown", "not_configured"] as const) {
      expect(verdictView(kind).tone).not.toBe("success");
    }
    expect(verdictView("unknown").label).toBe("Health unknown");
  });
});
