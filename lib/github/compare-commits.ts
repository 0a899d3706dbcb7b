import type { components } from "@octokit/openapi-types";
import { cachedRead } from "./cached-read";
import type { GitHubClient } from "./client";
import { freshnessOf, type Cached } from "./freshness";
import type { GetOptions } from "./read-cache";

/** `status` (ahead/behind/diverged/identical), `ahead_by`, `behind_by`, `commits` (at most 250 per page). */
export type CommitComparison = components["schemas"]["commit-comparison"];

export interface CompareCommitsParams {
  owner: string;
  repo: string;
  /** e.g. the production branch or SHA. */
  base: string;
  /** e.g. the staging branch or the candidate SHA. */
  head: string;
  page?: number;
  per_page?: number;
}

export async function compareCommits(
  gh: GitHubClient,
  { base, head, ...rest }: CompareCommitsParams,
  options?: GetOptions,
): Promise<Cached<CommitComparison>> {
  const read = await cachedRead(
    gh,
    "GET /repos/{owner}/{repo}/compare/{basehead}",
    { ...rest, basehead: `${base}...${head}` },
    options,
  );
  return { ...freshnessOf(read), data: read.data };
}
