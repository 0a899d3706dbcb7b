import { getConfig } from "@/lib/config/config";
import { listWorkflowRuns } from "@/lib/github/list-workflow-runs";
import { repoRef, serverGitHub } from "@/lib/server/github";
import type { RunFilters } from "./run-filters";
import { toRunRow, type RunRow } from "./run-row";

export const RUNS_PER_PAGE = 25;

export interface RunsView {
  rows: RunRow[];
  totalCount: number;
  hasNext: boolean;
  freshness: { stale: boolean; fetchedAtIso: string; error?: string };
}

/** The pipeline's runs, newest first, filtered by GitHub itself (one cached request per page). */
export async function listRuns(filters: RunFilters, perPage = RUNS_PER_PAGE): Promise<RunsView> {
  const { owner, repo } = repoRef();
  const read = await listWorkflowRuns(serverGitHub(), {
    owner,
    repo,
    ...(filters.workflow ? { workflow: filters.workflow } : {}),
    ...(filters.branch ? { branch: filters.branch } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.sha ? { head_sha: filters.sha } : {}),
    per_page: perPage,
    page: filters.page,
  });
  const base = repoWebUrl();
  return {
    rows: read.data.runs.map((run) => toRunRow(run, base)),
    totalCount: read.data.totalCount,
    hasNext: read.data.hasNext,
    freshness: {
      stale: read.stale,
      fetchedAtIso: read.fetchedAt.toISOString(),
      ...(read.stale ? { error: read.error } : {}),
    },
  };
}

export function repoWebUrl(): string {
  const { webUrl, owner, repo } = getConfig().github;
  return `${webUrl}/${owner}/${repo}`;
}
