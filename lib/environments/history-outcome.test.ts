import { describe, expect, it } from "vitest";
import { deploymentState } from "./deployment-state";
import { historyOutcomes } from "./history-outcome";

const status = (state: string) =>
  ({ state, created_at: "2026-11-01T00:00:00Z" }) as unknown as Parameters<typeof deploymentState>[0];

describe("production history outcomes", () => {
  const states = ["in_progress", "failure", "success", "success"].map((s) =>
    deploymentState(status(s), "production"),
  );

  it("calls the newest success Live and earlier successes Succeeded", () => {
    expect(historyOutcomes(states, 1).map((s) => s.label)).toEqual([
      "Deploying",
      "Failed",
      "Live",
      "Succeeded",
    ]);
  });

  it("calls no row Live on later pages: a newer success exists on page 1", () => {
    expect(historyOutcomes(states, 2).map((s) => s.label)).toEqual([
      "Deploying",
      "Failed",
      "Succeeded",
      "Succeeded",
    ]);
  });
});
