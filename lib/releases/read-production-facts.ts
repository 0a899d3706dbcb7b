import { getConfig } from "@/lib/config/config";
import { combineFreshness, freshnessOf, type Freshness } from "@/lib/github/freshness";
import { listDeployments, type DeploymentWithStatus } from "@/lib/github/list-deployments";
import { listWorkflowRuns } from "@/lib/github/list-workflow-runs";
import type { GetOptions } from "@/lib/github/read-cache";
import { pipelinePayload } from "@/lib/environments/deployment-payload";
import { repoRef, serverGitHub } from "@/lib/server/github";

export interface ProductionDeploymentFact {
  deploymentId: number;
  sha: string;
  images: Record<string, string>;
  createdAtIso: string;
}

export interface ProductionFacts {
  /** The newest production deployment that succeeded: what production runs now. */
  current: ProductionDeploymentFact | null;
  /** A newer production deployment still rolling out (a merge deploy or someone's dispatch). */
  rollingOut: ProductionDeploymentFact | null;
  /**
   * A run of the production deploy workflow not finished yet (queued, waiting for approval, in
   * progress): the merge deploy that has not created its deployment yet, or someone's dispatch.
   */
  runningDeploy: { runId: number; sha: string; status: string } | null;
  /** The target SHA's newest production deployment that succeeded, if it ever did. */
  target: ProductionDeploymentFact | null;
  freshness: Freshness;
}

const ROLLING_OUT = new Set(["queued", "pending", "in_progress"]);
// GitHub never marks earlier production deployments inactive on its own; one that is inactive was
// replaced after it succeeded, so it still counts as a successful deployment.
const SUCCEEDED = new Set(["success", "inactive"]);
// A deploy takes minutes. One that has said nothing for this long was abandoned (its workflow died
// before posting a final status) and must not block the rollback that is now most needed.
const ABANDONED_AFTER_MS = 60 * 60_000;

/** What a rollback to `targetSha` is checked against, read from GitHub's production deployments. */
export async function readProductionFacts(targetSha: string, options?: GetOptions): Promise<ProductionFacts> {
  const gh = serverGitHub();
  const { owner, repo } = repoRef();
  const { environments, workflows } = getConfig().github;
  const environment = environments.production;
  const [recent, forTarget, runs] = await Promise.all([
    listDeployments(gh, { owner, repo, environment, per_page: 10 }, options),
    listDeployments(gh, { owner, repo, environment, sha: targetSha, per_page: 30 }, options),
    listWorkflowRuns(gh, { owner, repo, workflow: workflows.productionDeploy, per_page: 10 }, options),
  ]);
  const running = runs.data.runs.find(
    (r) => r.status !== "completed" && Date.now() - Date.parse(r.created_at) < ABANDONED_AFTER_MS,
  );
  const deployments = recent.data.deployments;
  const currentIndex = deployments.findIndex((d) => d.latestStatus?.state === "success");
  const newer = currentIndex === -1 ? deployments : deployments.slice(0, currentIndex);
  const rolling = newer.find(
    (d) =>
      ROLLING_OUT.has(d.latestStatus?.state ?? "queued") &&
      Date.now() - Date.parse(d.latestStatus?.created_at ?? d.deployment.created_at) < ABANDONED_AFTER_MS,
  );
  const target = forTarget.data.deployments.find((d) => SUCCEEDED.has(d.latestStatus?.state ?? ""));
  return {
    current: fact(deployments[currentIndex]),
    rollingOut: fact(rolling),
    runningDeploy: running
      ? { runId: Number(running.id), sha: running.head_sha, status: running.status ?? "queued" }
      : null,
    target: fact(target),
    freshness: combineFreshness([freshnessOf(recent), freshnessOf(forTarget), freshnessOf(runs)]),
  };
}

function fact(item: DeploymentWithStatus | undefined): ProductionDeploymentFact | null {
  if (!item) return null;
  return {
    deploymentId: Number(item.deployment.id),
    sha: item.deployment.sha,
    images: pipelinePayload(item.deployment).images,
    createdAtIso: item.deployment.created_at,
  };
}
