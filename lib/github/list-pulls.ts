import type { components } from "@octokit/openapi-types";
import { cachedRead, type ReadParams } from "./cached-read";
import type { GitHubClient } from "./client";
import { freshnessOf, type Cached } from "./freshness";
import type { GetOptions } from "./read-cache";

export type PullRequestSummary = components["schemas"]["pull-request-simple"];

export interface PullsPage {
  pulls: PullRequestSummary[];
  hasNext: boolean;
}

/** e.g. the release PR: `{ head: "acme:testing", base: "main", state: "open" }` (`head` is `owner:branch`). */
export async function listPulls(
  gh: GitHubClient,
  params: ReadParams<"GET /repos/{owner}/{repo}/pulls">,
  options?: GetOptions,
): Promise<Cached<PullsPage>> {
  const read = await cachedRead(gh, "GET /repos/{owner}/{repo}/pulls", params, options);
  return { ...freshnessOf(read), data: { pulls: read.data, hasNext: read.hasNextPage } };
}
