import type { GitHubClient } from "./client";
import { toGitHubError } from "./errors";
import { invalidateRepoReads } from "./invalidate-repo-reads";
import { listPulls } from "./list-pulls";

export interface OpenPullParams {
  owner: string;
  repo: string;
  /** Branch names, e.g. `testing` into `main`. */
  head: string;
  base: string;
  title: string;
  body?: string;
}

export interface OpenedPull {
  number: number;
  headSha: string;
  htmlUrl: string;
  /** False when one was already open (opened by someone else, or by an earlier attempt). */
  created: boolean;
}

/**
 * Opens `head` → `base`, or returns the one already open. Safe to repeat: GitHub allows one open pull
 * request per head and base and answers 422 for a second, which is answered with the existing one.
 */
export async function openPull(gh: GitHubClient, params: OpenPullParams): Promise<OpenedPull> {
  const { owner, repo, head, base } = params;
  const existing = async () => {
    const read = await listPulls(
      gh,
      { owner, repo, head: `${owner}:${head}`, base, state: "open" },
      { fresh: true },
    );
    const pull = read.data.pulls[0];
    return pull
      ? { number: pull.number, headSha: pull.head.sha, htmlUrl: pull.html_url, created: false }
      : null;
  };
  const open = await existing();
  if (open) return open;
  try {
    const response = await gh.octokit.request("POST /repos/{owner}/{repo}/pulls", {
      owner,
      repo,
      head,
      base,
      title: params.title,
      ...(params.body === undefined ? {} : { body: params.body }),
      request: { retries: 0 },
    });
    return {
      number: response.data.number,
      headSha: response.data.head.sha,
      htmlUrl: response.data.html_url,
      created: true,
    };
  } catch (error) {
    const failure = toGitHubError(error);
    // Someone opened it between our look and our request (or a lost answer's retry): use theirs.
    if (failure.status === 422 && /already exists/i.test(failure.message)) {
      const raced = await existing();
      if (raced) return raced;
    }
    throw failure;
  } finally {
    invalidateRepoReads(gh.cache, { owner, repo }, ["GET /repos/{owner}/{repo}/pulls"]);
  }
}
