import { getConfig } from "@/lib/config/config";
import { compareCommits } from "@/lib/github/compare-commits";
import { getCommit } from "@/lib/github/get-commit";
import { listDeployments } from "@/lib/github/list-deployments";
import { listPulls } from "@/lib/github/list-pulls";
import { pipelinePayload } from "@/lib/environments/deployment-payload";
import { repoRef, serverGitHub } from "@/lib/server/github";

/** What GitHub says right now about a release candidate: the facts a decision is checked against. */
export interface CandidateFacts {
  stagingSha: string | null;
  stagingState: string | null;
  namespace: string | null;
  images: Record<string, string>;
  pull: { number: number; headSha: string } | null;
  /**
   * The staging branch's head, read only when no pull request is open (Release Desk then opens one
   * from that branch, so its head must still be the release).
   */
  branchHeadSha: string | null;
  /** Logins (or author names when GitHub has no account) of the commits the release adds. */
  authors: { sha: string; login: string | null }[];
}

/**
 * Read fresh (conditionally, so unchanged answers cost nothing): a decision must not rest on a
 * cached view of staging from a minute ago.
 */
export async function readCandidateFacts(
  sha: string,
  options: { withAuthors: boolean },
): Promise<CandidateFacts> {
  const gh = serverGitHub();
  const { owner, repo } = repoRef();
  const { environments, branches } = getConfig().github;
  const [latest, pulls, comparison] = await Promise.all([
    listDeployments(gh, { owner, repo, environment: environments.staging, per_page: 1 }, { fresh: true }),
    listPulls(
      gh,
      { owner, repo, head: `${owner}:${branches.staging}`, base: branches.production, state: "open" },
      { fresh: true },
    ),
    options.withAuthors
      ? compareCommits(gh, { owner, repo, base: branches.production, head: sha }, { fresh: true })
      : null,
  ]);
  const staging = latest.data.deployments[0];
  const payload = staging ? pipelinePayload(staging.deployment) : null;
  const pull = pulls.data.pulls[0];
  const branchHead = pull
    ? null
    : await getCommit(gh, { owner, repo, ref: branches.staging }, { fresh: true });
  return {
    stagingSha: staging?.deployment.sha ?? null,
    stagingState: staging?.latestStatus?.state ?? null,
    namespace: payload?.namespace ?? null,
    images: payload?.images ?? {},
    pull: pull ? { number: pull.number, headSha: pull.head.sha } : null,
    branchHeadSha: branchHead?.data.sha ?? null,
    authors: (comparison?.data.commits ?? []).map((c) => ({ sha: c.sha, login: c.author?.login ?? null })),
  };
}
