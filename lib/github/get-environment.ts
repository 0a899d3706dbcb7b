import type { components } from "@octokit/openapi-types";
import { cachedRead, type ReadParams } from "./cached-read";
import type { GitHubClient } from "./client";
import { GitHubNotFoundError } from "./errors";
import { freshnessOf, type Cached } from "./freshness";
import type { GetOptions } from "./read-cache";

/** `protection_rules`: required reviewers (with `prevent_self_review`), wait timer, branch policy. */
export type Environment = components["schemas"]["environment"];

/** `data` is null when the repository has no such environment (the setup page reports it). */
export async function getEnvironment(
  gh: GitHubClient,
  params: ReadParams<"GET /repos/{owner}/{repo}/environments/{environment_name}">,
  options?: GetOptions,
): Promise<Cached<Environment | null>> {
  try {
    const read = await cachedRead(
      gh,
      "GET /repos/{owner}/{repo}/environments/{environment_name}",
      params,
      options,
    );
    return { ...freshnessOf(read), data: read.data };
  } catch (error) {
    if (error instanceof GitHubNotFoundError) return { stale: false, fetchedAt: new Date(), data: null };
    throw error;
  }
}
