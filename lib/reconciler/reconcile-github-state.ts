import type { GitHubClient } from "@/lib/github/client";
import { invalidateRepoReads } from "@/lib/github/invalidate-repo-reads";
import { listDeployments } from "@/lib/github/list-deployments";
import { listWorkflowRuns } from "@/lib/github/list-workflow-runs";
import { publishLiveChange } from "@/lib/live/bus";
import type { LiveTopic } from "@/lib/live/live-change";

export interface ReconcileTarget {
  owner: string;
  repo: string;
  /** GitHub deployment environments whose current state pages show (staging, production). */
  environments: readonly string[];
}

/** What the last pass saw, per watched resource; kept by the caller (one per process). */
export type ReconcileMemory = Map<string, string>;

export interface ReconcileResult {
  /** Topics announced to browsers (empty when nothing changed, and on the first pass). */
  announced: LiveTopic[];
  invalidated: number;
}

const DEPLOYMENT_READS = ["GET /repos/{owner}/{repo}/deployments", "GET /repos/{owner}/{repo}/environments"];
const RUN_READS = ["GET /repos/{owner}/{repo}/actions/"];
/** The newest runs, as the overview and the runs page show them first. */
const RECENT_RUNS = 5;

/**
 * Re-reads what the pages show of the environments (each one's newest deployment and its latest
 * status) and the newest runs, bypassing the cache's minimum interval but still conditionally (an
 * unchanged answer is a free 304). When something differs from the last pass, the repository's cached
 * reads of that kind are revalidated on next use and browsers are told — the path a lost webhook
 * would have taken, a reconcile interval late.
 */
export async function reconcileGitHubState(
  gh: GitHubClient,
  target: ReconcileTarget,
  memory: ReconcileMemory,
): Promise<ReconcileResult> {
  const { owner, repo } = target;
  const [deployments, runs] = await Promise.all([
    Promise.all(
      target.environments.map(async (environment) => {
        const read = await listDeployments(gh, { owner, repo, environment, per_page: 1 }, { fresh: true });
        const newest = read.data.deployments[0];
        const seen = newest
          ? `${newest.deployment.id}:${newest.latestStatus?.id ?? "-"}:${newest.latestStatus?.state ?? "-"}`
          : "none";
        return { key: `deployments:${environment}`, seen, stale: read.stale };
      }),
    ),
    listWorkflowRuns(gh, { owner, repo, per_page: RECENT_RUNS }, { fresh: true }).then((read) => ({
      key: "runs",
      seen: read.data.runs.map((r) => `${r.id}:${r.status ?? "-"}:${r.conclusion ?? "-"}`).join(","),
      stale: read.stale,
    })),
  ]);

  const changedKeys: string[] = [];
  for (const { key, seen, stale } of [...deployments, runs]) {
    // GitHub could not be asked: the cache served its last answer, which tells nothing new.
    if (stale) continue;
    const before = memory.get(key);
    memory.set(key, seen);
    if (before !== undefined && before !== seen) changedKeys.push(key);
  }

  const announced: LiveTopic[] = [];
  let invalidated = 0;
  if (changedKeys.some((key) => key.startsWith("deployments:"))) {
    invalidated += invalidateRepoReads(gh.cache, target, DEPLOYMENT_READS);
    announced.push("deployments");
  }
  if (changedKeys.includes("runs")) {
    invalidated += invalidateRepoReads(gh.cache, target, RUN_READS);
    announced.push("runs");
  }
  const at = Date.now();
  for (const topic of announced) publishLiveChange({ topic, ids: [], cause: "reconciler", at });
  return { announced, invalidated };
}
