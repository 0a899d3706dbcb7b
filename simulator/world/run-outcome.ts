import type { Commit, WorkflowKey } from "./types";
import { workflowByKey } from "./workflow-defs";
import type { World } from "./world";

export interface Outcome {
  outcome: "success" | "failure";
  failJob: string | null;
}

/**
 * How an attempt of a workflow ends, decided when it starts from the head commit's traits: CI fails
 * where the commit says (a flaky one passes on re-run); a production deploy fails when there are no
 * digests for the SHA, or at its smoke test when the release was marked to fail.
 */
export function decideOutcome(
  world: World,
  key: WorkflowKey,
  head: Commit,
  inputs: Record<string, string>,
  attempt: number,
): Outcome {
  if (key === "ci-staging") {
    const t = head.traits;
    if (t.ci === "success" || (t.ci === "flaky" && attempt > 1)) return { outcome: "success", failJob: null };
    const job =
      t.ciFailsAt === "smoke" ? "smoke" : t.ci === "flaky" ? "test-order_service" : pickTest(head.sha);
    return { outcome: "failure", failJob: job };
  }
  if (key === "deploy-production") {
    const target = inputs.sha || head.sha;
    if (!world.imagesFor(target)) return { outcome: "failure", failJob: "resolve-digests" };
    const release = world.releaseCommit(target);
    if (release?.traits.deploy === "failure" && attempt === 1)
      return { outcome: "failure", failJob: "smoke" };
  }
  return { outcome: "success", failJob: null };
}

function pickTest(sha: string): string {
  const tests = workflowByKey("ci-staging").jobs.filter((j) => j.name.startsWith("test-"));
  return (tests[parseInt(sha.slice(0, 6), 16) % tests.length] ?? tests[0])?.name ?? "lint";
}
