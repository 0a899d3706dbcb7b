import { getConfig } from "@/lib/config/config";
import { createGitHubClient, type GitHubClient } from "@/lib/github/client";
import { getSharedReadCache } from "@/lib/github/read-cache";

const holder = globalThis as unknown as { releaseDeskServerGitHub?: GitHubClient };

/** The server's own GitHub identity (token or App installation) for background and page reads. */
export function serverGitHub(): GitHubClient {
  if (!holder.releaseDeskServerGitHub) {
    const config = getConfig();
    holder.releaseDeskServerGitHub = createGitHubClient({
      baseUrl: config.github.apiUrl,
      auth: config.github.serverAuth,
      timeoutMs: config.github.timeoutMs,
      cache: getSharedReadCache({
        enabled: config.github.cache.enabled,
        minRevalidateMs: config.github.cache.minRevalidateMs,
      }),
    });
  }
  return holder.releaseDeskServerGitHub;
}

export function repoRef(): { owner: string; repo: string } {
  const { owner, repo } = getConfig().github;
  return { owner, repo };
}
