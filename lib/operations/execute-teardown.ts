import { getConfig } from "@/lib/config/config";
import type { Operation } from "@/lib/db/generated/client";
import { listDeployments } from "@/lib/github/list-deployments";
import { getWorkflowRun } from "@/lib/github/get-workflow-run";
import { repoRef, serverGitHub } from "@/lib/server/github";
import { dispatchAndFollow, outcomeOfError, RUN_POLL_MS } from "./dispatch-and-follow";
import { teardownInputSchema } from "./operation-input";
import type { StepOutcome } from "./step-outcome";

/** How long after its run succeeded the staging deployment may take to read `inactive`. */
const INACTIVE_GRACE_MS = 2 * 60_000;

/**
 * Dispatches the staging teardown once and follows its run to completion (never re-sent blindly:
 * see dispatchAndFollow), then confirms GitHub shows every staging deployment of the SHA `inactive`:
 * a successful run that left one active has not done what the workflow contract promises.
 */
export async function executeTeardown(op: Operation): Promise<StepOutcome> {
  const { workflows, branches } = getConfig().github;
  const { namespace } = teardownInputSchema.parse(op.input);
  const followed = await dispatchAndFollow(op, {
    workflow: workflows.teardown,
    ref: branches.production,
    inputs: { sha: op.releaseSha, namespace },
    label: "teardown",
  });
  if (followed.kind === "step") return followed.outcome;
  const { runId, conclusion, how } = followed;
  if (conclusion !== "success") {
    return {
      kind: "failed",
      error: `teardown run ${runId} concluded ${conclusion ?? "without a conclusion"}${how}`,
    };
  }
  try {
    return await confirmInactive(op.releaseSha, runId, how);
  } catch (error) {
    return outcomeOfError(error);
  }
}

async function confirmInactive(sha: string, runId: number, how: string): Promise<StepOutcome> {
  const { owner, repo } = repoRef();
  const gh = serverGitHub();
  const read = await listDeployments(
    gh,
    { owner, repo, environment: getConfig().github.environments.staging, sha, per_page: 10 },
    { fresh: true },
  );
  const active = read.data.deployments.filter((d) => d.latestStatus?.state !== "inactive");
  const count = read.data.deployments.length;
  if (active.length === 0) {
    const marked = count === 1 ? "its staging deployment is" : `its ${count} staging deployments are`;
    return { kind: "succeeded", note: `teardown run ${runId} succeeded${how}; ${marked} inactive` };
  }
  const run = (await getWorkflowRun(gh, { owner, repo, run_id: runId })).data;
  const states = active
    .map((d) => `${String(d.deployment.id)} is ${d.latestStatus?.state ?? "without a status"}`)
    .join(", ");
  if (Date.now() - Date.parse(run.updated_at) > INACTIVE_GRACE_MS) {
    return {
      kind: "needs_attention",
      error: `teardown run ${runId} succeeded but staging deployment ${states}; check that the workflow marks it inactive, then Retry`,
    };
  }
  return { kind: "wait", afterMs: RUN_POLL_MS };
}
