import { cachedRead } from "@/lib/github/cached-read";
import type { GitHubClient } from "@/lib/github/client";
import { freshnessOf, type Cached } from "@/lib/github/freshness";

export interface RepositoryFacts {
  fullName: string;
  defaultBranch: string;
  htmlUrl: string;
}

/**
 * The repository's default branch: GitHub reads workflow files (triggers, dispatch inputs) from it
 * only, so that is where the setup checks look. (lib/github has no get-repository operation yet, so
 * this goes through its typed, cached read.)
 */
export async function readRepository(
  gh: GitHubClient,
  ref: { owner: string; repo: string },
): Promise<Cached<RepositoryFacts>> {
  const read = await cachedRead(gh, "GET /repos/{owner}/{repo}", ref);
  return {
    ...freshnessOf(read),
    data: {
      fullName: read.data.full_name,
      defaultBranch: read.data.default_branch,
      htmlUrl: read.data.html_url,
    },
  };
}
