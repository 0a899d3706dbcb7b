import { getConfig } from "@/lib/config/config";
import { GitHubNotFoundError } from "@/lib/github/errors";
import { combineFreshness, freshnessOf, type Freshness } from "@/lib/github/freshness";
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

/** Each configured workflow is read in pages of this size when the list spans all of them. */
const MERGE_PAGE_SIZE = 50;
/** GitHub stops filtered run lists at 1,000 results; the merged list stops there too. */
export const MAX_MERGED_RUNS = 1000;

/**
 * The pipeline's runs (its configured workflows only, not every workflow of the repository), newest
 * first, filtered by GitHub itself. One workflow: one cached request per page. All of them: each
 * workflow's newest runs are read in fixed pages (shared by every page of the list, so cache entries
 * do not multiply) and merged by creation time.
 */
export async function listRuns(filters: RunFilters, perPage = RUNS_PER_PAGE): Promise<RunsView> {
  const { owner, repo } = repoRef();
  const gh = serverGitHub();
  const query = {
    owner,
    repo,
    ...(filters.branch ? { branch: filters.branch } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.sha ? { head_sha: filters.sha } : {}),
  };
  const base = repoWebUrl();
  if (filters.workflow) {
    const read = await listWorkflowRuns(gh, {
      ...query,
      workflow: filters.workflow,
      per_page: perPage,
      page: filters.page,
    });
    return {
      rows: read.data.runs.map((run) => toRunRow(run, base)),
      totalCount: read.data.totalCount,
      hasNext: read.data.hasNext,
      freshness: toView(read),
    };
  }

  const { workflows } = getConfig().github;
  const files = [...new Set([workflows.ciStaging, workflows.teardown, workflows.productionDeploy])];
  const wanted = Math.min(filters.page * perPage, MAX_MERGED_RUNS);
  const pages = Math.ceil(wanted / MERGE_PAGE_SIZE);
  const reads = await Promise.all(
    files.map(async (workflow) => {
      const parts = [];
      for (let page = 1; page <= pages; page++) {
        try {
          const read = await listWorkflowRuns(gh, { ...query, workflow, per_page: MERGE_PAGE_SIZE, page });
          parts.push(read);
          if (!read.data.hasNext) break;
        } catch (error) {
          // A configured workflow that is not in the repository yet has no runs (/setup says why).
          if (error instanceof GitHubNotFoundError) break;
          throw error;
        }
      }
      return parts;
    }),
  );
  const all = reads.flat();
  const totalCount = reads.reduce((sum, parts) => sum + (parts[0]?.data.totalCount ?? 0), 0);
  const merged = all
    .flatMap((read) => read.data.runs)
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || Number(b.id) - Number(a.id));
  const start = (filters.page - 1) * perPage;
  return {
    rows: merged.slice(start, Math.min(start + perPage, wanted)).map((run) => toRunRow(run, base)),
    totalCount,
    hasNext: start + perPage < Math.min(totalCount, MAX_MERGED_RUNS),
    freshness: toView(combineFreshness(all.map(freshnessOf))),
  };
}

function toView(read: Freshness): RunsView["freshness"] {
  return {
    stale: read.stale,
    fetchedAtIso: read.fetchedAt.toISOString(),
    ...(read.stale ? { error: read.error } : {}),
  };
}

export function repoWebUrl(): string {
  const { webUrl, owner, repo } = getConfig().github;
  return `${webUrl}/${owner}/${repo}`;
}
