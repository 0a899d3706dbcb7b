import { unavailableNotice, type GitHubError } from "@/lib/github/errors";

/** Why a GitHub read gave no answer, naming GitHub's status and message. */
export function describeReadFailure(error: GitHubError): string {
  if (error.unavailable) return unavailableNotice(error);
  const answered = error.status ? `GitHub answered ${error.status}: ${error.message}` : error.message;
  if (error.kind === "unauthorized") {
    return `${answered} (the server's credentials were refused: check GITHUB_TOKEN or the GitHub App)`;
  }
  return answered;
}
