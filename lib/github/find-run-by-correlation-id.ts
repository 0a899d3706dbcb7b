import type { GitHubClient } from "./client";
import { combineFreshness, type Cached, type Freshness } from "./freshness";
import { listWorkflowRuns, type WorkflowRun } from "./list-workflow-runs";

export interface FindRunByCorrelationIdParams {
  owner: string;
  repo: string;
  /** Workflow file name or id. */
  workflow: string | number;
  /** The id passed as the `correlation_id` input, which the workflow's `run-name` contains. */
  correlationId: string;
  /** When the dispatch was sent; narrows the search to runs created since (less a minute of clock skew). */
  dispatchedAt?: Date;
  /** Pages of 100 runs to look through. Default 2. */
  maxPages?: number;
}

const CLOCK_SKEW_MS = 60_000;

/**
 * The fallback when a dispatch did not return its run id: the run object carries no inputs, but its
 * `display_title` is the rendered `run-name`. Always asks GitHub (conditionally, so a 304 is free)
 * because the caller is usually a reconciler waiting for a run that was not there a moment ago.
 */
export async function findRunByCorrelationId(
  gh: GitHubClient,
  params: FindRunByCorrelationIdParams,
): Promise<Cached<WorkflowRun | null>> {
  const { owner, repo, workflow, correlationId, dispatchedAt, maxPages = 2 } = params;
  const created = dispatchedAt
    ? `>=${new Date(dispatchedAt.getTime() - CLOCK_SKEW_MS).toISOString()}`
    : undefined;
  const seen: Freshness[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const read = await listWorkflowRuns(
      gh,
      { owner, repo, workflow, event: "workflow_dispatch", created, per_page: 100, page },
      { fresh: true },
    );
    seen.push(read);
    const run = read.data.runs.find((r) => r.display_title.includes(correlationId));
    if (run) return { ...combineFreshness(seen), data: run };
    if (!read.data.hasNext) break;
  }
  return { ...combineFreshness(seen), data: null };
}
