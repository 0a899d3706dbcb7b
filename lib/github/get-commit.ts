import type { components } from "@octokit/openapi-types";
import { cachedRead, type ReadParams } from "./cached-read";
import type { GitHubClient } from "./client";
import { freshnessOf, type Cached } from "./freshness";
import type { GetOptions } from "./read-cache";

export type Commit = components["schemas"]["commit"];

/** `ref` is a SHA, branch or tag. Throws GitHubNotFoundError for an unknown ref. */
export async function getCommit(
  gh: GitHubClient,
  params: ReadParams<"GET /repos/{owner}/{repo}/commits/{ref}">,
  options?: GetOptions,
): Promise<Cached<Commit>> {
  const read = await cachedRead(gh, "GET /repos/{owner}/{repo}/commits/{ref}", params, options);
  return { ...freshnessOf(read), data: read.data };
}
