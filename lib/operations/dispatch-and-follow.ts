import { NoUserTokenError, userGitHub } from "@/lib/auth/user-github";
import { getPrisma } from "@/lib/db/client";
import type { Operation } from "@/lib/db/generated/client";
import { dispatchWorkflow } from "@/lib/github/dispatch-workflow";
import { toGitHubError } from "@/lib/github/errors";
import { findRunByCorrelationId } from "@/lib/github/find-run-by-correlation-id";
import { getWorkflowRun } from "@/lib/github/get-workflow-run";
import { repoRef, serverGitHub } from "@/lib/server/github";
import type { StepOutcome } from "./step-outcome";

export const RUN_POLL_MS = 1_000;
/** How long a dispatch with an unknown outcome is looked for before a person is asked to decide. */
export const UNKNOWN_OUTCOME_GRACE_MS = 5 * 60_000;

export interface DispatchSpec {
  /** Workflow file name; its `run-name` must contain the correlation id. */
  workflow: string;
  /** A branch (GitHub refuses a SHA as the ref). */
  ref: string;
  /** The workflow's inputs; `correlation_id` is added from the operation. */
  inputs: Record<string, string>;
  /** How the step is named in notes and errors ("teardown", "rollback deploy"). */
  label: string;
}

export type FollowResult =
  /** Not finished, or not dispatchable: hand this to the runner as it is. */
  | { kind: "step"; outcome: StepOutcome }
  /** The run completed; `how` says how it was linked in this pass ("", or " (found run … by correlation id)"). */
  | { kind: "completed"; runId: number; conclusion: string | null; how: string };

/**
 * Dispatches the operation's workflow at most once and follows the run to completion. A dispatch is
 * never sent again blindly: once one may have left (`dispatchedAt`), or after a first attempt, the run
 * is looked up by the correlation id its `run-name` carries. Shared by every dispatching operation.
 */
export async function dispatchAndFollow(op: Operation, spec: DispatchSpec): Promise<FollowResult> {
  const { owner, repo } = repoRef();
  const prisma = await getPrisma();
  try {
    let runId = op.githubRunId === null ? null : Number(op.githubRunId);
    let linked: string | undefined;

    if (runId === null && (op.dispatchedAt !== null || op.attempts > 1)) {
      const found = await findRunByCorrelationId(serverGitHub(), {
        owner,
        repo,
        workflow: spec.workflow,
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
          const cause = op.lastError ? ` (${op.lastError})` : "";
          return step({
            kind: "needs_attention",
            error: `the ${spec.label} dispatch's outcome is unknown${cause} and no run carries correlation id ${op.correlationId}; check GitHub, then Retry to dispatch again`,
          });
        }
        return step({ kind: "wait", afterMs: RUN_POLL_MS * 2 });
      }
    }

    if (runId === null) {
      const gh = await userGitHub(op.actor);
      // Recorded before sending: if the answer is lost, the next attempt looks the run up instead.
      const dispatchedAt = new Date();
      await prisma.operation.update({ where: { id: op.id }, data: { dispatchedAt } });
      try {
        const result = await dispatchWorkflow(gh, {
          owner,
          repo,
          workflow: spec.workflow,
          ref: spec.ref,
          inputs: { ...spec.inputs, correlation_id: op.correlationId },
        });
        if (result.runId === null) return step({ kind: "wait", afterMs: RUN_POLL_MS, note: "dispatched" });
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
          // Timeout, dropped connection or 5xx: a run may exist. Look for it; never re-send. The
          // message is kept so the person asked to decide later knows what GitHub said.
          await prisma.operation.update({ where: { id: op.id }, data: { lastError: failure.message } });
          return step({
            kind: "wait",
            afterMs: RUN_POLL_MS,
            note: `dispatch outcome unknown: ${failure.message}`,
          });
        }
        await prisma.operation.update({ where: { id: op.id }, data: { dispatchedAt: null } });
        throw failure;
      }
    }

    const run = (await getWorkflowRun(serverGitHub(), { owner, repo, run_id: runId }, { fresh: true })).data;
    if (run.status !== "completed")
      return step({ kind: "wait", afterMs: RUN_POLL_MS, ...(linked ? { note: linked } : {}) });
    return { kind: "completed", runId, conclusion: run.conclusion, how: linked ? ` (${linked})` : "" };
  } catch (error) {
    return step(outcomeOfError(error));
  }
}

/** A failed GitHub call as a step outcome: transient ones are retried, the rest need a person. */
export function outcomeOfError(error: unknown): StepOutcome {
  if (error instanceof NoUserTokenError) return { kind: "needs_attention", error: error.message };
  const failure = toGitHubError(error);
  if (failure.unavailable) return { kind: "retry", error: failure.message };
  return { kind: "needs_attention", error: failure.message };
}

function step(outcome: StepOutcome): FollowResult {
  return { kind: "step", outcome };
}
