import type { components } from "@octokit/openapi-types";
import { cachedRead, type ReadParams } from "./cached-read";
import type { GitHubClient } from "./client";
import { freshnessOf, type Cached } from "./freshness";
import type { GetOptions } from "./read-cache";

/** `path` is `.github/workflows/<file>`; `state` tells whether it is enabled. */
export type Workflow = components["schemas"]["workflow"];

export interface WorkflowsPage {
  workflows: Workflow[];
  totalCount: number;
  hasNext: boolean;
}

export async function listWorkflows(
  gh: GitHubClient,
  params: ReadParams<"GET /repos/{owner}/{repo}/actions/workflows">,
  options?: GetOptions,
): Promise<Cached<WorkflowsPage>> {
  const read = await cachedRead(
    gh,
    "GET /repos/{owner}/{repo}/actions/workflows",
    { per_page: 100, ...params },
    options,
  );
  return {
    ...freshnessOf(read),
    data: { workflows: read.data.workflows, totalCount: read.data.total_count, hasNext: read.hasNextPage },
  };
}
