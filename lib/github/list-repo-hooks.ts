import type { components } from "@octokit/openapi-types";
import { cachedRead, type ReadParams } from "./cached-read";
import type { GitHubClient } from "./client";
import { freshnessOf, type Cached } from "./freshness";
import type { GetOptions } from "./read-cache";

/** `config.url`, `active`, `events` (`"*"` for every event), `last_response` of the newest delivery. */
export type RepoHook = components["schemas"]["hook"];

export interface RepoHooksPage {
  hooks: RepoHook[];
  hasNext: boolean;
}

/**
 * The repository's webhooks. Only repository admins (or a token with the `read:repo_hook` scope, or an
 * App with the "Webhooks: read" permission) may list them: GitHub answers 404 or 403 to anyone else,
 * thrown as GitHubNotFoundError / GitHubForbiddenError for the caller to report as "cannot tell".
 */
export async function listRepoHooks(
  gh: GitHubClient,
  params: ReadParams<"GET /repos/{owner}/{repo}/hooks">,
  options?: GetOptions,
): Promise<Cached<RepoHooksPage>> {
  const read = await cachedRead(gh, "GET /repos/{owner}/{repo}/hooks", { per_page: 100, ...params }, options);
  return { ...freshnessOf(read), data: { hooks: read.data, hasNext: read.hasNextPage } };
}
