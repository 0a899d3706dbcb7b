import { cachedRead } from "./cached-read";
import type { GitHubClient } from "./client";
import { GitHubError, GitHubNotFoundError } from "./errors";
import { freshnessOf, type Cached } from "./freshness";
import type { GetOptions } from "./read-cache";

export interface GetFileContentsParams {
  owner: string;
  repo: string;
  /** e.g. `.github/workflows/deploy-production.yml`. */
  path: string;
  /**
   * Omitted: the default branch, which is where GitHub reads a workflow's `workflow_dispatch` inputs
   * from, so that is what the setup checks must look at.
   */
  ref?: string;
}

export interface FileContents {
  path: string;
  /** Blob SHA. */
  sha: string;
  text: string;
}

/** `data` is null when the file does not exist; a directory or an oversized file throws. */
export async function getFileContents(
  gh: GitHubClient,
  params: GetFileContentsParams,
  options?: GetOptions,
): Promise<Cached<FileContents | null>> {
  let read;
  try {
    read = await cachedRead(gh, "GET /repos/{owner}/{repo}/contents/{path}", params, options);
  } catch (error) {
    if (error instanceof GitHubNotFoundError) return { stale: false, fetchedAt: new Date(), data: null };
    throw error;
  }
  const file = read.data;
  if (Array.isArray(file) || file.type !== "file" || !("content" in file)) {
    throw new GitHubError("invalid", `${params.path} is not a file`);
  }
  // Files over 1 MB come back without content (`encoding: "none"`); workflow files never are.
  if (file.encoding !== "base64") {
    throw new GitHubError("invalid", `${params.path} came back with encoding "${file.encoding}"`);
  }
  return {
    ...freshnessOf(read),
    data: { path: file.path, sha: file.sha, text: Buffer.from(file.content, "base64").toString("utf8") },
  };
}
