import type { components } from "@octokit/openapi-types";
import { cachedRead, type ReadParams } from "./cached-read";
import type { GitHubClient } from "./client";
import { freshnessOf, type Cached } from "./freshness";
import type { GetOptions } from "./read-cache";

export type WorkflowRun = components["schemas"]["workflow-run"];

/**
 * GitHub's own filters (`branch, event, status, actor, head_sha, created` in search syntax such as
 * `>=2026-03-01T10:00:00Z`, `page, per_page`). Filtered queries stop at 1,000 results.
 */
export type ListWorkflowRunsParams = ReadParams<"GET /repos/{owner}/{repo}/actions/runs"> & {
  /** Workflow file name (`ci-staging.yml`) or id; omitted: every workflow of the repository. */
  workflow?: string | number;
};

export interface WorkflowRunsPage {
  runs: WorkflowRun[];
  totalCount: number;
  hasNext: boolean;
}

export async function listWorkflowRuns(
  gh: GitHubClient,
  params: ListWorkflowRunsParams,
  options?: GetOptions,
): Promise<Cached<WorkflowRunsPage>> {
  const { workflow, check_suite_id: _repoWideOnly, ...query } = params;
  const read =
    workflow === undefined
      ? await cachedRead(gh, "GET /repos/{owner}/{repo}/actions/runs", params, options)
      : await cachedRead(
          gh,
          "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs",
          { ...query, workflow_id: workflow },
          options,
        );
  return {
    ...freshnessOf(read),
    data: { runs: read.data.workflow_runs, totalCount: read.data.total_count, hasNext: read.hasNextPage },
  };
}
