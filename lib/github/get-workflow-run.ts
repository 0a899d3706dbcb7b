import { cachedRead, type ReadParams } from "./cached-read";
import type { GitHubClient } from "./client";
import { freshnessOf, type Cached } from "./freshness";
import type { WorkflowRun } from "./list-workflow-runs";
import type { GetOptions } from "./read-cache";

/** Throws GitHubNotFoundError for an unknown run id. */
export async function getWorkflowRun(
  gh: GitHubClient,
  params: ReadParams<"GET /repos/{owner}/{repo}/actions/runs/{run_id}">,
  options?: GetOptions,
): Promise<Cached<WorkflowRun>> {
  const read = await cachedRead(gh, "GET /repos/{owner}/{repo}/actions/runs/{run_id}", params, options);
  return { ...freshnessOf(read), data: read.data };
}
