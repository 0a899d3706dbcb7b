import type { components } from "@octokit/openapi-types";
import type { GitHubClient } from "./client";
import { toGitHubError } from "./errors";
import { invalidateRepoReads } from "./invalidate-repo-reads";

export interface DispatchWorkflowParams {
  owner: string;
  repo: string;
  /** Workflow file name (`deploy-production.yml`) or id; the file must be on the default branch. */
  workflow: string | number;
  /** A branch or tag: GitHub refuses a SHA here. Pass the SHA as an input instead. */
  ref: string;
  /** All values are strings; at most 25. Include the correlation id the workflow puts in `run-name`. */
  inputs: Record<string, string>;
}

export type DispatchResult =
  | { runId: number; runUrl: string; htmlUrl: string }
  /** GitHub did not say which run it created (GHES): find it by the correlation id in `display_title`. */
  | { runId: null };

// Through `octokit.request`, whose @octokit/types 18 knows the 200 answer to `return_run_details`;
// `octokit.rest.actions.createWorkflowDispatch` is typed from older OpenAPI types that predate it.
const ROUTE = "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches";

/**
 * Sends one `workflow_dispatch`, never retried: a dispatch that timed out may have started a run,
 * and a second one would deploy twice. A GitHubTimeoutError means "unknown", for the reconciler.
 */
export async function dispatchWorkflow(
  gh: GitHubClient,
  params: DispatchWorkflowParams,
): Promise<DispatchResult> {
  const { owner, repo, workflow, ref, inputs } = params;
  if (/^[0-9a-f]{40}$/i.test(ref))
    throw new TypeError(`dispatch ref must be a branch or tag, not a SHA (${ref})`);
  if (Object.keys(inputs).length > 25) throw new TypeError("a workflow_dispatch takes at most 25 inputs");
  const request = { owner, repo, workflow_id: workflow, ref, inputs, request: { retries: 0 } };

  let result: DispatchResult;
  try {
    const response = await gh.octokit.request(ROUTE, { ...request, return_run_details: true });
    result = runDetails(response.status === 200 ? response.data : undefined);
  } catch (error) {
    const failure = toGitHubError(error);
    // GHES 3.19 rejects the parameter with a 422. A 422 means nothing was dispatched, so sending it
    // once more without the parameter cannot start a second run.
    if (failure.kind !== "invalid" || !/return_run_details/.test(failure.message)) throw failure;
    await gh.octokit.request(ROUTE, request).catch((again: unknown) => {
      throw toGitHubError(again);
    });
    result = { runId: null };
  }
  invalidateRepoReads(gh.cache, { owner, repo }, ["GET /repos/{owner}/{repo}/actions/"]);
  return result;
}

type DispatchResponse = components["schemas"]["workflow-dispatch-response"];

function runDetails(data: DispatchResponse | undefined): DispatchResult {
  // A server that ignores the parameter may still answer 200 with an empty body.
  if (typeof data !== "object" || data.workflow_run_id === undefined) return { runId: null };
  // int64 ids are typed `number | bigint` (json-with-bigint); GitHub's run ids are far below 2^53.
  return { runId: Number(data.workflow_run_id), runUrl: data.run_url, htmlUrl: data.html_url };
}
