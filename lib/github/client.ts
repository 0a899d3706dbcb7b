import { createHash } from "node:crypto";
import { createOctokit, type CreateOctokitOptions, type GitHubAuth, type GitHubOctokit } from "./octokit";
import type { ReadCache } from "./read-cache";

/** What every gateway operation takes: who is asking, through which Octokit, sharing which cache. */
export interface GitHubClient {
  octokit: GitHubOctokit;
  /** Cache partition: ETags and visibility differ per token, so entries are never shared across identities. */
  identity: string;
  cache: ReadCache;
}

export interface CreateGitHubClientOptions extends CreateOctokitOptions {
  cache: ReadCache;
}

export function createGitHubClient(options: CreateGitHubClientOptions): GitHubClient {
  const { cache, ...octokitOptions } = options;
  return {
    octokit: createOctokit(octokitOptions),
    identity: identityOf(options.baseUrl, options.auth),
    cache,
  };
}

/** Never contains the secret itself: a token appears only as a short hash. */
export function identityOf(baseUrl: string, auth: GitHubAuth): string {
  const host = baseUrl.replace(/\/+$/, "");
  if (auth.kind === "app") return `${host} app:${auth.appId}/installation:${auth.installationId}`;
  return `${host} token:${createHash("sha256").update(auth.token).digest("hex").slice(0, 16)}`;
}
