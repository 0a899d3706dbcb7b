import { NoUserTokenError, userGitHub } from "@/lib/auth/user-github";
import { getConfig } from "@/lib/config/config";
import { getPrisma } from "@/lib/db/client";
import type { Operation } from "@/lib/db/generated/client";
import { dispatchWorkflow } from "@/lib/github/dispatch-workflow";
import { toGitHubError } from "@/lib/github/errors";
import { findRunByCorrelationId } from "@/lib/github/find-run-by-correlation-id";
import { getWorkflowRun } from "@/lib/github/get-workflow-run";
import { repoRef, serverGitHub } from "@/lib/server/github";
import { teardownInputSchema } from "./operation-input";
import type { StepOutcome } from "./step-outcome";

const RUN_POLL_MS = 1_000;
/** How long a dispatch with an unknown outcome is looked for before a person is asked to decide. */
const UNKNOWN_OUTCOME_GRACE_MS = 5 * 60_000;

/**
 * Dispatches the staging teardown once and follows its run to completion. A dispatch is never sent
 * again blindly: once one may have left (`dispatchedAt`), the run is looked up by correlation id.
 */
export async function executeTeardown(op: Operation): Promise<StepOutcome> {
  const { owner, repo } = repoRef();
  const { workflows, branches } = getConfig().github;
  const prisma = await getPrisma();
  try {
    let runId = op.githubRunId === null ? null : Number(op.githubRunId);
    let linked: string | undefined;

    if (runId === null && (op.dispatchedAt !== null || op.attempts > 1)) {
      const found = await findRunByCorrelationId(serverGitHub(), {
        owner,
        repo,
        workflow: workflows.teardown,
        correlationId: op.correlationId,
        ...(op.dispatchedAt ? { dispatchedAt: op.dispatchedAt } : {}),
      });
      if (found.data) {
        // int64 ids are typed `number | bigint`; GitHub's run ids are far below 2^53.
        const foundId = Number(found.data.id);
        runId = foundId;
        linked = `found run ${foundId} by correlation id`;
        await prisma.operation.update({
          where: { id: op.id },
          data: { githubRunId: BigInt(foundId), githubRunUrl: found.data.html_url },
        });
      } else if (op.dispatchedAt) {
        if (Date.now() - op.dispatchedAt.getTime() > UNKNOWN_OUTCOME_GRACE_MS) {
          return {
            kind: "needs_attention",
            error: `the teardown dispatch's outcome is unknown and no run carries correlation id ${op.correlationId}; check GitHub, then Retry to dispatch again`,
          };
        }
        return { kind: "wait", afterMs: RUN_POLL_MS * 2 };
      }
    }

    if (runId === null) {
      const { namespace } = teardownInputSchema.parse(op.input);
      const gh = await userGitHub(op.actor);
      // Recorded before sending: if the answer is lost, the next attempt looks the run up instead.
      const dispatchedAt = new Date();
      await prisma.operation.update({ where: { id: op.id }, data: { dispatchedAt } });
      try {
        const result = await dispatchWorkflow(gh, {
          owner,
          repo,
          workflow: workflows.teardown,
          ref: branches.production,
          inputs: { sha: op.releaseSha, namespace, correlation_id: op.correlationId },
        });
        if (result.runId === null) return { kind: "wait", afterMs: RUN_POLL_MS, note: "dispatched" };
        runId = result.runId;
        linked = `dispatched run ${runId}`;
        await prisma.operation.update({
          where: { id: op.id },
          data: { githubRunId: BigInt(runId), githubRunUrl: result.htmlUrl },
        });
      } catch (error) {
        const failure = toGitHubError(error);
        const definitelyNotSent =
          failure.status !== undefined && failure.status >= 400 && failure.status < 500;
        if (!definitelyNotSent) {
          // Timeout, dropped connection or 5xx: a run may exist. Look for it; never re-send.
          return { kind: "wait", afterMs: RUN_POLL_MS, note: `dispatch outcome unknown: ${failure.message}` };
        }
        await prisma.operation.update({ where: { id: op.id }, data: { dispatchedAt: null } });
        throw failure;
      }
    }

    const run = (await getWorkflowRun(serverGitHub(), { owner, repo, run_id: runId }, { fresh: true })).data;
    if (run.status !== "completed")
      return { kind: "wait", afterMs: RUN_POLL_MS, ...(linked ? { note: linked } : {}) };
    const how = linked ? ` (${linked})` : "";
    if (run.conclusion === "success")
      return { kind: "succeeded", note: `teardown run ${runId} succeeded${how}` };
    return {
      kind: "failed",
      error: `teardown run ${runId} concluded ${run.conclusion ?? "without a conclusion"}${how}`,
    };
  } catch (error) {
    if (error instanceof NoUserTokenError) return { kind: "needs_attention", error: error.message };
    const failure = toGitHubError(error);
    if (failure.unavailable) return { kind: "retry", error: failure.message };
    return { kind: "needs_attention", error: failure.message };
  }
}
