import { describe, expect, it } from "vitest";
import { describeProductionLock } from "./describe-production-lock";

const op = { kind: "rollback", releaseSha: "abc1234def".padEnd(40, "0"), actor: "lee-lead" };

describe("the refusal while production is taken", () => {
  it("names the rollback, its target and who started it", () => {
    expect(describeProductionLock({ ...op, state: "running" })).toBe(
      "Rollback to abc1234 started by lee-lead is running.",
    );
    expect(describeProductionLock({ ...op, state: "pending" })).toBe(
      "Rollback to abc1234 started by lee-lead is running.",
    );
  });

  it("says what to do when the holder needs attention", () => {
    expect(describeProductionLock({ ...op, state: "needs_attention" })).toBe(
      "Rollback to abc1234 started by lee-lead needs attention: retry it (or resolve it on GitHub) before starting another production operation.",
    );
  });
});
