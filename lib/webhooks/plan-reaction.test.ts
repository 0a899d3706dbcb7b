import { describe, expect, it } from "vitest";
import { planReaction } from "./plan-reaction";

const repository = { name: "shop", owner: { login: "acme" } };

describe("which operations a webhook wakes", () => {
  it("a run's events name the run and its run-name (which carries a dispatch's correlation id)", () => {
    const run = planReaction("workflow_run", {
      repository,
      workflow_run: { id: 42, display_title: "Teardown abc1234 [corr-1]" },
    });
    expect(run.wake).toEqual({ runIds: [42], texts: ["Teardown abc1234 [corr-1]"], pullNumbers: [] });
    expect(planReaction("workflow_job", { repository, workflow_job: { run_id: 43 } }).wake.runIds).toEqual([
      43,
    ]);
  });

  it("a deployment status names the run and correlation id our workflows put in the deployment payload", () => {
    const status = planReaction("deployment_status", {
      repository,
      deployment: { id: 7, payload: { run_id: 44, correlation_id: "corr-2", namespace: "production" } },
      workflow_run: null,
    });
    expect(status.wake).toEqual({ runIds: [44], texts: ["corr-2"], pullNumbers: [] });
    // A payload GitHub stored as a string (another tool's deployment) wakes nothing and breaks nothing.
    const foreign = planReaction("deployment_status", { repository, deployment: { id: 8, payload: "" } });
    expect(foreign.wake).toEqual({ runIds: [], texts: [], pullNumbers: [] });
    expect(foreign.notify).toEqual([{ topic: "deployments", ids: [8] }]);
  });

  it("a pull request names its number; a push or a ping wakes nothing", () => {
    expect(
      planReaction("pull_request", { repository, pull_request: { number: 12 } }).wake.pullNumbers,
    ).toEqual([12]);
    for (const event of ["push", "ping", "deployment"] as const) {
      expect(planReaction(event, { repository, deployment: { id: 9 } }).wake).toEqual({
        runIds: [],
        texts: [],
        pullNumbers: [],
      });
    }
  });
});
