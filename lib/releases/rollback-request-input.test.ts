import { describe, expect, it } from "vitest";
import { rollbackRequestFrom, rollbackRequestSchema } from "./rollback-request-input";

const sha = "a".repeat(40);
const issues = (input: Record<string, unknown>) => {
  const parsed = rollbackRequestSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("rollback request input", () => {
  it("accepts a full SHA with a reason, trimming both fields, with or without an incident link", () => {
    expect(rollbackRequestSchema.parse({ sha, reason: "  errors up  " })).toEqual({
      sha,
      reason: "errors up",
      incidentUrl: "",
    });
    expect(
      rollbackRequestSchema.parse({ sha, reason: "x", incidentUrl: " https://status.example/i/1 " })
        .incidentUrl,
    ).toBe("https://status.example/i/1");
  });

  it("refuses a short, upper-case or non-hex SHA", () => {
    for (const bad of ["abc1234", "A".repeat(40), "g".repeat(40), `${sha}0`]) {
      expect(issues({ sha: bad, reason: "x" })).toEqual([
        "The rollback target must be a full 40-character commit SHA (0-9, a-f).",
      ]);
    }
  });

  it("requires a reason and accepts only http(s) incident links", () => {
    expect(issues({ sha, reason: " \n " })).toEqual(["A reason is required to roll production back."]);
    for (const link of ["javascript:alert(1)", "ftp://x.example/f", "status page", "https://"]) {
      expect(issues({ sha, reason: "x", incidentUrl: link })).toEqual([
        "The incident link must be an http(s) URL.",
      ]);
    }
  });

  it("reads the confirmation form, treating a file in place of text as empty", () => {
    const form = new FormData();
    form.set("sha", sha);
    form.set("reason", "errors");
    form.set("incidentUrl", new Blob(["x"]));
    expect(rollbackRequestFrom(form)).toEqual({ sha, reason: "errors", incidentUrl: "" });
  });
});
