import { getConfig } from "@/lib/config/config";
import { listDeployments } from "@/lib/github/list-deployments";
import { readDeployHealth } from "@/lib/health/read-deploy-health";
import { repoRef, serverGitHub } from "@/lib/server/github";

/** The same window the production history judges each deploy by (before → after). */
const DEPLOY_HEALTH_WINDOW_MINUTES = 30;
/** How many earlier deployments are judged looking for a healthy one (one Logs query each). */
const LOOK_BACK = 5;

export interface RollbackOffer {
  currentSha: string;
  /** What turned unhealthy ("order_service failure rate 0.9% → 8.8% (crosses 5%)"). */
  crossings: string[];
  /** The last earlier deployment that was healthy after it went out, if one was found. */
  target: { sha: string; deployedAtIso: string } | null;
}

/**
 * When production turned unhealthy after its latest deploy (healthy or degraded before, unhealthy
 * after), the last deployment that was healthy is offered as the rollback target. Null otherwise.
 */
export async function findRollbackOffer(): Promise<RollbackOffer | null> {
  const { owner, repo } = repoRef();
  const environment = getConfig().github.environments.production;
  const read = await listDeployments(serverGitHub(), { owner, repo, environment, per_page: 20 });
  const succeeded = read.data.deployments.filter((d) => d.latestStatus?.state === "success");
  const current = succeeded[0];
  if (!current) return null;
  const health = await readDeployHealth(
    "production",
    current.deployment.created_at,
    DEPLOY_HEALTH_WINDOW_MINUTES,
  );
  if (health.after?.kind !== "unhealthy" || health.before?.kind === "unhealthy") return null;
  const currentSha = current.deployment.sha;
  const crossings = health.crossings.filter((c) => c.direction === "worse").map((c) => c.text);
  const earlier = succeeded.filter((d) => d.deployment.sha !== currentSha).slice(0, LOOK_BACK);
  for (const d of earlier) {
    const then = await readDeployHealth("production", d.deployment.created_at, DEPLOY_HEALTH_WINDOW_MINUTES);
    if (then.after?.kind === "healthy") {
      return {
        currentSha,
        crossings,
        target: { sha: d.deployment.sha, deployedAtIso: d.deployment.created_at },
      };
    }
  }
  return { currentSha, crossings, target: null };
}
