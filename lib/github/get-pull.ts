import type { components } from "@octokit/openapi-types";
import { cachedRead, type ReadParams } from "./cached-read";
import type { GitHubClient } from "./client";
import { freshnessOf, type Cached } from "./freshness";
import type { GetOptions } from "./read-cache";

/**
 * `mergeable` is null while GitHub is still computing it (it starts computing on this very read):
 * ask again with `{ fresh: true }` after a moment rather than treating null as "no".
 */
export type PullRequest = components["schemas"]["pull-request"];

export async function getPull(
  gh: GitHubClient,
  params: ReadParams<"GET /repos/{owner}/{repo}/pulls/{pull_number}">,
  options?: GetOptions,
): Promise<Cached<PullRequest>> {
  const read = await cachedRead(gh, "GET /repos/{owner}/{repo}/pulls/{pull_number}", params, options);
  return { ...freshnessOf(read), data: read.data };
}
