import { getConfig } from "@/lib/config/config";
import { listDeployments } from "@/lib/github/list-deployments";
import { repoRef, serverGitHub } from "@/lib/server/github";
import { commitSummary, type CommitSummary } from "./commit-summary";
import { deploymentState, type DeploymentStateView } from "./deployment-state";
import { historyOutcomes } from "./history-outcome";
import { pipelinePayload, type PipelinePayload } from "./deployment-payload";
import { toFreshnessView } from "./environment-overview";

export const HISTORY_PER_PAGE = 20;

export interface HistoryEntry {
  deploymentId: number;
  sha: string;
  commit: CommitSummary | null;
  kind: "release" | "rollback" | "automatic rollback" | "unknown";
  payload: PipelinePayload;
  deployedBy: string;
  createdAtIso: string;
  state: DeploymentStateView;
  /** Creation to the final status, when the latest status is that final status. */
  durationSeconds: number | null;
}

export interface HistoryView {
  entries: HistoryEntry[];
  hasNext: boolean;
  page: number;
  freshness: { stale: boolean; fetchedAtIso: string; error?: string };
}

export async function getProductionHistory(page: number): Promise<HistoryView> {
  const { owner, repo } = repoRef();
  const read = await listDeployments(serverGitHub(), {
    owner,
    repo,
    environment: getConfig().github.environments.production,
    per_page: HISTORY_PER_PAGE,
    page,
  });
  const entries = await Promise.all(
    read.data.deployments.map(async ({ deployment, latestStatus }): Promise<HistoryEntry> => {
      const payload = pipelinePayload(deployment);
      const state = deploymentState(latestStatus, "production");
      const final = latestStatus && ["success", "failure", "error"].includes(latestStatus.state);
      return {
        deploymentId: Number(deployment.id),
        sha: deployment.sha,
        commit: await commitSummary(deployment.sha),
        kind: payload.autoRollback
          ? "automatic rollback"
          : payload.reason === "rollback"
            ? "rollback"
            : payload.reason === "release"
              ? "release"
              : "unknown",
        payload,
        deployedBy: payload.triggeredBy ?? deployment.creator?.login ?? "unknown",
        createdAtIso: deployment.created_at,
        state,
        durationSeconds:
          final && latestStatus
            ? Math.max(
                0,
                Math.round((Date.parse(latestStatus.created_at) - Date.parse(deployment.created_at)) / 1000),
              )
            : null,
      };
    }),
  );
  const outcomes = historyOutcomes(
    entries.map((e) => e.state),
    page,
  );
  return {
    entries: entries.map((e, i) => ({ ...e, state: outcomes[i] ?? e.state })),
    hasNext: read.data.hasNext,
    page,
    freshness: toFreshnessView(read),
  };
}
