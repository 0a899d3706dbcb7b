import { getConfig } from "@/lib/config/config";
import { combineFreshness, freshnessOf, type Freshness } from "@/lib/github/freshness";
import { listDeployments, type DeploymentWithStatus } from "@/lib/github/list-deployments";
import { listPulls } from "@/lib/github/list-pulls";
import { repoRef, serverGitHub } from "@/lib/server/github";
import { commitSummary, type CommitSummary } from "./commit-summary";
import { deploymentState, type DeploymentStateView } from "./deployment-state";
import { pipelinePayload, type PipelinePayload } from "./deployment-payload";

export interface EnvironmentCard {
  environment: "staging" | "production";
  deploymentId: number;
  sha: string;
  commit: CommitSummary | null;
  state: DeploymentStateView;
  payload: PipelinePayload;
  createdAtIso: string;
  deployedBy: string;
}

export interface ReleasePullView {
  number: number;
  title: string;
  headSha: string;
  htmlUrl: string;
}

export interface Overview {
  staging: EnvironmentCard | null;
  production: EnvironmentCard | null;
  releasePull: ReleasePullView | null;
  freshness: { stale: boolean; fetchedAtIso: string; error?: string };
}

async function card(
  environment: "staging" | "production",
  item: DeploymentWithStatus | undefined,
): Promise<EnvironmentCard | null> {
  if (!item) return null;
  const { deployment, latestStatus } = item;
  const payload = pipelinePayload(deployment);
  return {
    environment,
    deploymentId: Number(deployment.id),
    sha: deployment.sha,
    commit: await commitSummary(deployment.sha),
    state: deploymentState(latestStatus, environment),
    payload,
    createdAtIso: deployment.created_at,
    deployedBy: payload.triggeredBy ?? deployment.creator?.login ?? "unknown",
  };
}

export function toFreshnessView(f: Freshness) {
  return { stale: f.stale, fetchedAtIso: f.fetchedAt.toISOString(), ...(f.stale ? { error: f.error } : {}) };
}

/**
 * Staging: the newest staging deployment (the release candidate). Production: the newest deployment
 * that reached `success` — a newer one may still be rolling out or may have failed.
 */
export async function getOverview(): Promise<Overview> {
  const gh = serverGitHub();
  const { owner, repo } = repoRef();
  const { environments, branches } = getConfig().github;
  const [staging, production, pulls] = await Promise.all([
    listDeployments(gh, { owner, repo, environment: environments.staging, per_page: 1 }),
    listDeployments(gh, { owner, repo, environment: environments.production, per_page: 10 }),
    listPulls(gh, {
      owner,
      repo,
      head: `${owner}:${branches.staging}`,
      base: branches.production,
      state: "open",
    }),
  ]);
  const live = production.data.deployments.find((d) => d.latestStatus?.state === "success");
  const [stagingCard, productionCard] = await Promise.all([
    card("staging", staging.data.deployments[0]),
    card("production", live ?? production.data.deployments[0]),
  ]);
  const pull = pulls.data.pulls[0];
  return {
    staging: stagingCard,
    production: productionCard,
    releasePull: pull
      ? { number: pull.number, title: pull.title, headSha: pull.head.sha, htmlUrl: pull.html_url }
      : null,
    freshness: toFreshnessView(
      combineFreshness([freshnessOf(staging), freshnessOf(production), freshnessOf(pulls)]),
    ),
  };
}
