import { getConfig } from "@/lib/config/config";
import { compareCommits } from "@/lib/github/compare-commits";
import { combineFreshness, freshnessOf } from "@/lib/github/freshness";
import { listDeployments } from "@/lib/github/list-deployments";
import { listPulls } from "@/lib/github/list-pulls";
import { listWorkflowRuns } from "@/lib/github/list-workflow-runs";
import { repoRef, serverGitHub } from "@/lib/server/github";
import { deploymentState, type DeploymentStateView } from "@/lib/environments/deployment-state";
import { pipelinePayload } from "@/lib/environments/deployment-payload";
import { toFreshnessView } from "@/lib/environments/environment-overview";
import { repoWebUrl } from "@/lib/runs/list-runs";
import { toRunRow, type RunRow } from "@/lib/runs/run-row";

export interface ReleaseCommit {
  sha: string;
  message: string;
  author: string | null;
  htmlUrl: string;
}

export interface ReleaseView {
  sha: string;
  /** Whether this SHA is what staging runs now (the candidate QA would accept). */
  isCurrentCandidate: boolean;
  staging: {
    deploymentId: number;
    namespace: string | null;
    images: Record<string, string>;
    state: DeploymentStateView;
    createdAtIso: string;
  } | null;
  currentStagingSha: string | null;
  ciRun: RunRow | null;
  /** Commits this release adds over production (`<production branch>...<sha>`). */
  comparison: { aheadBy: number; commits: ReleaseCommit[]; truncated: boolean };
  pull: { number: number; title: string; headSha: string; htmlUrl: string; headMatches: boolean } | null;
  /** The production deployment of this release (after its merge), if there is one yet. */
  production: { sha: string; state: DeploymentStateView; runUrl: string | null } | null;
  freshness: { stale: boolean; fetchedAtIso: string; error?: string };
}

/** Everything the release page shows about one candidate SHA, read through the shared cache. */
export async function getRelease(sha: string): Promise<ReleaseView> {
  const gh = serverGitHub();
  const { owner, repo } = repoRef();
  const { environments, branches, workflows } = getConfig().github;
  const [forSha, latest, runs, comparison, pulls, production] = await Promise.all([
    listDeployments(gh, { owner, repo, environment: environments.staging, sha, per_page: 1 }),
    listDeployments(gh, { owner, repo, environment: environments.staging, per_page: 1 }),
    listWorkflowRuns(gh, { owner, repo, workflow: workflows.ciStaging, head_sha: sha, per_page: 1 }),
    compareCommits(gh, { owner, repo, base: branches.production, head: sha }),
    listPulls(gh, {
      owner,
      repo,
      head: `${owner}:${branches.staging}`,
      base: branches.production,
      state: "open",
    }),
    // A release reaches production as its merge commit; the deployment's payload names the SHA accepted.
    listDeployments(gh, { owner, repo, environment: environments.production, per_page: 5 }),
  ]);
  const deployed = production.data.deployments.find((d) => pipelinePayload(d.deployment).acceptedSha === sha);
  const deployedRunId = deployed ? pipelinePayload(deployed.deployment).runId : null;
  const staging = forSha.data.deployments[0];
  const payload = staging ? pipelinePayload(staging.deployment) : null;
  const currentStagingSha = latest.data.deployments[0]?.deployment.sha ?? null;
  const run = runs.data.runs[0];
  const pull = pulls.data.pulls[0];
  const commits = comparison.data.commits
    .map((c) => ({
      sha: c.sha,
      message: c.commit.message.split("\n")[0] ?? "",
      author: c.author?.login ?? c.commit.author?.name ?? null,
      htmlUrl: c.html_url,
    }))
    .reverse();
  return {
    sha,
    isCurrentCandidate: currentStagingSha === sha,
    staging:
      staging && payload
        ? {
            deploymentId: Number(staging.deployment.id),
            namespace: payload.namespace,
            images: payload.images,
            state: deploymentState(staging.latestStatus, "staging"),
            createdAtIso: staging.deployment.created_at,
          }
        : null,
    currentStagingSha,
    ciRun: run ? toRunRow(run, repoWebUrl()) : null,
    comparison: {
      aheadBy: comparison.data.ahead_by,
      commits,
      // GitHub lists at most 250 commits without paging.
      truncated: comparison.data.ahead_by > comparison.data.commits.length,
    },
    pull: pull
      ? {
          number: pull.number,
          title: pull.title,
          headSha: pull.head.sha,
          htmlUrl: pull.html_url,
          headMatches: pull.head.sha === sha,
        }
      : null,
    production: deployed
      ? {
          sha: deployed.deployment.sha,
          state: deploymentState(deployed.latestStatus, "production"),
          runUrl: deployedRunId === null ? null : `${repoWebUrl()}/actions/runs/${deployedRunId}`,
        }
      : null,
    freshness: toFreshnessView(
      combineFreshness([forSha, latest, runs, comparison, pulls, production].map((r) => freshnessOf(r))),
    ),
  };
}
