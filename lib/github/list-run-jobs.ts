import type { components } from "@octokit/openapi-types";
import { cachedRead, type ReadParams } from "./cached-read";
import type { GitHubClient } from "./client";
import { freshnessOf, type Cached } from "./freshness";
import type { GetOptions } from "./read-cache";

/** A job with its `steps` (name, status, conclusion, started_at, completed_at). */
export type WorkflowJob = components["schemas"]["job"];

export interface WorkflowJobsPage {
  jobs: WorkflowJob[];
  totalCount: number;
  hasNext: boolean;
}

/** `filter` defaults to `latest` (the last attempt's jobs only); `per_page` to 100, GitHub's maximum. */
export async function listRunJobs(
  gh: GitHubClient,
  params: ReadParams<"GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs">,
  options?: GetOptions,
): Promise<Cached<WorkflowJobsPage>> {
  const read = await cachedRead(
    gh,
    "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs",
    { filter: "latest", per_page: 100, ...params },
    options,
  );
  return {
    ...freshnessOf(read),
    data: { jobs: read.data.jobs, totalCount: read.data.total_count, hasNext: read.hasNextPage },
  };
}
