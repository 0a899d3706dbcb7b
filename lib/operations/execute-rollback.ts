import { getConfig } from "@/lib/config/config";
import type { Operation } from "@/lib/db/generated/client";
import { listDeployments } from "@/lib/github/list-deployments";
import { pipelinePayload } from "@/lib/environments/deployment-payload";
import { repoRef, serverGitHub } from "@/lib/server/github";
import { dispatchAndFollow, outcomeOfError, RUN_POLL_MS } from "./dispatch-and-follow";
import type { StepOutcome } from "./step-outcome";

/**
 * Dispatches the production deploy workflow for the rollback target once (as the lead, reason
 * `rollback`), follows the run, then the production deployment that run created — recognised by the
 * correlation id in its payload — until it succeeds.
 */
export async function executeRollback(op: Operation): Promise<StepOutcome> {
  const { workflows, branches, environments } = getConfig().github;
  const followed = await dispatchAndFollow(op, {
    workflow: workflows.productionDeploy,
    ref: branches.production,
    inputs: { sha: op.releaseSha, reason: "rollback" },
    label: "rollback deploy",
  });
  if (followed.kind === "step") return followed.outcome;
  const { runId, conclusion, how } = followed;
  if (conclusion !== "success") {
    return {
      kind: "failed",
      error: `rollback deploy run ${runId} concluded ${conclusion ?? "without a conclusion"}${how}`,
    };
  }
  try {
    const { owner, repo } = repoRef();
    const read = await listDeployments(
      serverGitHub(),
      { owner, repo, environment: environments.production, sha: op.releaseSha, per_page: 30 },
      { fresh: true },
    );
    const mine = read.data.deployments.find(
      (d) => pipelinePayload(d.deployment).correlationId === op.correlationId,
    );
    if (!mine) {
      return {
        kind: "needs_attention",
        error: `rollback deploy run ${runId} succeeded but no production deployment of ${op.releaseSha.slice(0, 7)} carries correlation id ${op.correlationId}`,
      };
    }
    const state = mine.latestStatus?.state;
    const id = Number(mine.deployment.id);
    if (state === "success") {
      return {
        kind: "succeeded",
        note: `production runs ${op.releaseSha.slice(0, 7)} again: deployment ${id} of run ${runId} succeeded${how}`,
      };
    }
    if (state === "failure" || state === "error") {
      return { kind: "failed", error: `production deployment ${id} of run ${runId} ended ${state}` };
    }
    return { kind: "wait", afterMs: RUN_POLL_MS };
  } catch (error) {
    return outcomeOfError(error);
  }
}
