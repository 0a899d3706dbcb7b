import { userGitHub, NoUserTokenError } from "@/lib/auth/user-github";
import { getConfig } from "@/lib/config/config";
import { getPrisma } from "@/lib/db/client";
import type { Operation } from "@/lib/db/generated/client";
import { toGitHubError } from "@/lib/github/errors";
import { getPull } from "@/lib/github/get-pull";
import { mergePull, PullHeadChangedError, PullNotMergeableError } from "@/lib/github/merge-pull";
import { openPull } from "@/lib/github/open-pull";
import { repoRef, serverGitHub } from "@/lib/server/github";
import { mergeInputSchema } from "./operation-input";
import type { StepOutcome } from "./step-outcome";

/**
 * Merges the release PR as the reviewer, guarded by the accepted head SHA. Re-reads the PR first, so
 * a merge whose answer was lost (timeout) is recognised as done instead of being sent again.
 */
export async function executeMerge(op: Operation): Promise<StepOutcome> {
  const { pullNumber: known, headSha } = mergeInputSchema.parse(op.input);
  const { owner, repo } = repoRef();
  try {
    let opened: string | null = null;
    let pullNumber = known;
    if (pullNumber === null) {
      const { branches } = getConfig().github;
      const pull = await openPull(await userGitHub(op.actor), {
        owner,
        repo,
        head: branches.staging,
        base: branches.production,
        title: `Release ${headSha.slice(0, 7)}`,
        body: `Opened by Release Desk: ${op.actor} accepted ${headSha} in staging.`,
      });
      pullNumber = pull.number;
      opened = pull.created ? `opened #${pull.number}` : `found #${pull.number} open`;
      // From now on every attempt merges this pull request; it is never opened twice.
      const prisma = await getPrisma();
      await prisma.operation.update({
        where: { id: op.id },
        data: { input: { pullNumber, headSha } },
      });
    }
    const pull = (await getPull(serverGitHub(), { owner, repo, pull_number: pullNumber }, { fresh: true }))
      .data;
    const prefix = opened ? `${opened}, ` : "";
    if (pull.merged) return { kind: "succeeded", note: `${prefix}merged as ${pull.merge_commit_sha ?? "?"}` };
    if (pull.state === "closed") {
      return { kind: "needs_attention", error: `pull request #${pullNumber} was closed without merging` };
    }
    if (pull.head.sha !== headSha) {
      return {
        kind: "needs_attention",
        error: `head changed after acceptance: #${pullNumber} now ends at ${pull.head.sha.slice(0, 7)}, not the accepted ${headSha.slice(0, 7)}`,
      };
    }
    const gh = await userGitHub(op.actor);
    const result = await mergePull(gh, {
      owner,
      repo,
      pull_number: pullNumber,
      sha: headSha,
      commit_title: `Release ${headSha.slice(0, 7)} (accepted by ${op.actor} in Release Desk)`,
    });
    return { kind: "succeeded", note: `${prefix}merged #${pullNumber} as ${result.sha}` };
  } catch (error) {
    if (error instanceof NoUserTokenError) return { kind: "needs_attention", error: error.message };
    if (error instanceof PullHeadChangedError) {
      return { kind: "needs_attention", error: `head changed after acceptance: ${error.message}` };
    }
    if (error instanceof PullNotMergeableError) {
      return error.transient
        ? { kind: "retry", error: error.message }
        : { kind: "needs_attention", error: error.message };
    }
    const failure = toGitHubError(error);
    // A timed-out merge is retried safely: the next attempt re-reads the PR before merging.
    if (failure.unavailable) return { kind: "retry", error: failure.message };
    return { kind: "needs_attention", error: failure.message };
  }
}
