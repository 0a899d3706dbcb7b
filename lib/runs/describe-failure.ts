import { GitHubError } from "@/lib/github/errors";

/** A sentence for a page that has no cached data to fall back on. */
export function describeGitHubFailure(error: unknown): string {
  if (error instanceof GitHubError) {
    if (error.unavailable)
      return `GitHub is unavailable (${error.message}) and nothing is cached yet. Try again shortly.`;
    if (error.kind === "not-found")
      return "GitHub says this does not exist, or the server's token cannot see it.";
    if (error.kind === "unauthorized" || error.kind === "forbidden") {
      return `GitHub refused the server's credentials (${error.message}). Check GITHUB_TOKEN or the GitHub App.`;
    }
    return error.message;
  }
  // Unknown failures are logged by Next; the page says only what a person can act on.
  throw error;
}
