import type { components } from "@octokit/openapi-types";
import { cachedRead, type ReadParams } from "./cached-read";
import type { GitHubClient } from "./client";
import { combineFreshness, freshnessOf, type Cached } from "./freshness";
import type { GetOptions } from "./read-cache";

export type Deployment = components["schemas"]["deployment"];
export type DeploymentStatus = components["schemas"]["deployment-status"];

export interface DeploymentWithStatus {
  deployment: Deployment;
  /** Newest status (GitHub lists statuses newest first); null before the first one is posted. */
  latestStatus: DeploymentStatus | null;
}

export interface DeploymentsPage {
  deployments: DeploymentWithStatus[];
  hasNext: boolean;
}

/** Filters `environment, sha, ref, task`, paged with `page, per_page`. */
export type ListDeploymentsParams = ReadParams<"GET /repos/{owner}/{repo}/deployments">;

/**
 * Deployments newest first, each with its latest status. Statuses are one request per deployment,
 * so they are fetched only for the page asked for, and each is cached (and revalidated) on its own.
 */
export async function listDeployments(
  gh: GitHubClient,
  params: ListDeploymentsParams,
  options?: GetOptions,
): Promise<Cached<DeploymentsPage>> {
  const list = await cachedRead(gh, "GET /repos/{owner}/{repo}/deployments", params, options);
  const statuses = await Promise.all(
    list.data.map((deployment) =>
      cachedRead(
        gh,
        "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
        // int64 ids are typed `number | bigint` (json-with-bigint); GitHub's ids are far below 2^53.
        { owner: params.owner, repo: params.repo, deployment_id: Number(deployment.id), per_page: 1 },
        options,
      ),
    ),
  );
  return {
    ...combineFreshness([freshnessOf(list), ...statuses.map(freshnessOf)]),
    data: {
      deployments: list.data.map((deployment, i) => ({
        deployment,
        latestStatus: statuses[i]?.data[0] ?? null,
      })),
      hasNext: list.hasNextPage,
    },
  };
}
