import { cachedRead, type ReadParams } from "./cached-read";
import type { GitHubClient } from "./client";
import { freshnessOf, type Cached } from "./freshness";
import type { Environment } from "./get-environment";
import type { GetOptions } from "./read-cache";

export interface EnvironmentsPage {
  environments: Environment[];
  totalCount: number;
  hasNext: boolean;
}

/** Every deployment environment of the repository, each with its protection rules. */
export async function listEnvironments(
  gh: GitHubClient,
  params: ReadParams<"GET /repos/{owner}/{repo}/environments">,
  options?: GetOptions,
): Promise<Cached<EnvironmentsPage>> {
  const read = await cachedRead(
    gh,
    "GET /repos/{owner}/{repo}/environments",
    { per_page: 100, ...params },
    options,
  );
  return {
    ...freshnessOf(read),
    data: {
      // The published schema marks both optional, so an absent list reads as "no environments".
      environments: read.data.environments ?? [],
      totalCount: read.data.total_count ?? 0,
      hasNext: read.hasNextPage,
    },
  };
}
