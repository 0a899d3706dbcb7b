import type { components } from "@octokit/openapi-types";
import type { GitHubClient } from "./client";
import { GitHubConflictError, GitHubError, toGitHubError } from "./errors";
import { invalidateRepoReads } from "./invalidate-repo-reads";

export type MergeResult = components["schemas"]["pull-request-merge-result"];

export interface MergePullParams {
  owner: string;
  repo: string;
  pull_number: number;
  /** The head SHA that was accepted: GitHub refuses the merge (409) if the head moved since. */
  sha: string;
  commit_title?: string;
}

/** 409: the PR's head is no longer the accepted SHA; the release must be accepted again. */
export class PullHeadChangedError extends GitHubConflictError {
  constructor(cause: GitHubError) {
    super(`the pull request's head changed since it was accepted: ${cause.message}`, detailsOf(cause));
    this.name = "PullHeadChangedError";
  }
}

/** 405: GitHub will not merge now. `transient` when only the base moved meanwhile (try again). */
export class PullNotMergeableError extends GitHubError {
  readonly transient: boolean;

  constructor(cause: GitHubError) {
    super("not-allowed", `the pull request cannot be merged: ${cause.message}`, detailsOf(cause));
    this.name = "PullNotMergeableError";
    this.transient = /base branch was modified/i.test(cause.message);
  }
}

function detailsOf(cause: GitHubError) {
  return { status: cause.status, method: cause.method, url: cause.url, cause };
}

/** One merge attempt with `merge_method: merge`, guarded by `sha`; never retried. */
export async function mergePull(gh: GitHubClient, params: MergePullParams): Promise<MergeResult> {
  const { owner, repo } = params;
  try {
    const response = await gh.octokit.request("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge", {
      ...params,
      merge_method: "merge",
      request: { retries: 0 },
    });
    return response.data;
  } catch (error) {
    const failure = toGitHubError(error);
    if (failure.status === 409) throw new PullHeadChangedError(failure);
    if (failure.status === 405) throw new PullNotMergeableError(failure);
    throw failure;
  } finally {
    // Even a failed merge may have changed what GitHub says about the PR (mergeable state).
    invalidateRepoReads(gh.cache, { owner, repo }, [
      "GET /repos/{owner}/{repo}/pulls",
      "GET /repos/{owner}/{repo}/compare/",
      "GET /repos/{owner}/{repo}/commits",
      "GET /repos/{owner}/{repo}/actions/",
    ]);
  }
}
