import { createTtlCache, type TtlCache } from "@/lib/azure/ttl-cache";
import { getConfig } from "@/lib/config/config";
import { toFreshnessView } from "@/lib/environments/environment-overview";
import { compareCommits } from "@/lib/github/compare-commits";
import { combineFreshness, freshnessOf, type Freshness } from "@/lib/github/freshness";
import { GitHubError } from "@/lib/github/errors";
import { listDeployments } from "@/lib/github/list-deployments";
import { repoRef, serverGitHub } from "@/lib/server/github";
import { compareBases, type CompareBase } from "./compare-bases";
import { computeDora, type DoraFigures } from "./compute-dora";
import type { DoraCommit, DoraDeployment } from "./dora-deployment";
import type { DoraPeriodDays } from "./dora-period";
import { toDoraDeployment } from "./to-dora-deployment";

/**
 * Each deployment on a page costs one more (cached) request for its status, all sent at once: 50 keeps
 * that burst well under GitHub's 100 concurrent requests.
 */
export const DORA_PAGE_SIZE = 50;
/** At most this many pages (300 deployments) are read per period; the panel says when that cut it short. */
export const DORA_MAX_PAGES = 6;
/** At most this many release deploys (the newest) get their commits compared for the lead time. */
export const DORA_MAX_COMPARES = 30;
const COMPARE_CONCURRENCY = 5;
/** Figures over weeks need not be fresher than a minute; this keeps 20 viewers at one computation. */
const TTL_MS = 60_000;
const STALE_TTL_MS = 5_000;
const DAY_MS = 86_400_000;

export interface DoraView {
  periodDays: DoraPeriodDays;
  figures: DoraFigures;
  /** The window the figures cover: the period, or less when the deployment cap was reached. */
  windowStartIso: string;
  windowEndIso: string;
  /** The period reaches further back than the deployments read (DORA_MAX_PAGES × DORA_PAGE_SIZE). */
  capped: boolean;
  deploymentsRead: number;
  /** Release deploys whose commits were not read because of DORA_MAX_COMPARES. */
  comparesSkipped: number;
  /** Release deploys GitHub could not compare (e.g. a base SHA no longer in the repository). */
  comparesFailed: number;
  /** Comparisons with more commits than GitHub lists in one answer (250): lead time uses the listed. */
  comparesTruncated: number;
  freshness: { stale: boolean; fetchedAtIso: string; error?: string };
}

interface Brought {
  commits: DoraCommit[];
  /** GitHub listed fewer commits than the comparison has (it lists at most 250). */
  truncated: boolean;
}

const holder = globalThis as unknown as {
  releaseDeskDora?: TtlCache;
  releaseDeskDoraCommits?: Map<string, Brought>;
};

/** DORA figures for production over the last `periodDays`, shared by every viewer for a minute. */
export function readDora(periodDays: DoraPeriodDays, now: () => number = Date.now): Promise<DoraView> {
  const cache = (holder.releaseDeskDora ??= createTtlCache({ maxEntries: 20 }));
  return cache.getOrLoad(
    `dora:${periodDays}`,
    () => loadDora(periodDays, now()),
    (view) => (view.freshness.stale ? STALE_TTL_MS : TTL_MS),
  );
}

async function loadDora(periodDays: DoraPeriodDays, end: number): Promise<DoraView> {
  const gh = serverGitHub();
  const { owner, repo } = repoRef();
  const environment = getConfig().github.environments.production;
  const start = end - periodDays * DAY_MS;

  // Newest first, until a deployment older than the period is seen: it tells what production ran
  // when the period began (the base of the first comparison), and that nothing is missing.
  const deployments: DoraDeployment[] = [];
  const reads: Freshness[] = [];
  let hasNext = true;
  let reachedStart = false;
  for (let page = 1; page <= DORA_MAX_PAGES && hasNext && !reachedStart; page++) {
    const read = await listDeployments(gh, {
      owner,
      repo,
      environment,
      per_page: DORA_PAGE_SIZE,
      page,
    });
    reads.push(freshnessOf(read));
    deployments.push(...read.data.deployments.map(toDoraDeployment));
    hasNext = read.data.hasNext;
    reachedStart = deployments.some((d) => d.createdAt < start);
  }
  const capped = !reachedStart && hasNext;
  const oldest = Math.min(...deployments.map((d) => d.createdAt));
  // Without the older deployments, an honest window starts at the oldest one read.
  const window = { start: capped ? oldest : start, end };

  const bases = compareBases(deployments, window);
  const compared = bases.slice(0, DORA_MAX_COMPARES);
  const commits = new Map<number, DoraCommit[]>();
  let failed = 0;
  let truncated = 0;
  for (let i = 0; i < compared.length; i += COMPARE_CONCURRENCY) {
    const batch = compared.slice(i, i + COMPARE_CONCURRENCY);
    const answers = await Promise.all(batch.map((b) => commitsBrought(b, owner, repo)));
    answers.forEach((answer, j) => {
      const base = batch[j] as CompareBase;
      if (!answer) {
        failed++;
        return;
      }
      if (answer.truncated) truncated++;
      commits.set(base.deploymentId, answer.commits);
    });
  }

  const figures = computeDora({ deployments, commits, window });
  return {
    periodDays,
    figures,
    windowStartIso: new Date(window.start).toISOString(),
    windowEndIso: new Date(window.end).toISOString(),
    capped,
    deploymentsRead: deployments.length,
    comparesSkipped: bases.length - compared.length,
    comparesFailed: failed,
    comparesTruncated: truncated,
    freshness: toFreshnessView(combineFreshness(reads)),
  };
}

/**
 * The commits a deploy brought, merge commits left out (they carry no change of their own). Two
 * SHAs always compare the same, so answers are kept for the life of the process. Null when GitHub
 * cannot compare them: the deploy's lead time is then unknown, not zero.
 */
async function commitsBrought(
  { base, head }: CompareBase,
  owner: string,
  repo: string,
): Promise<Brought | null> {
  if (base === head) return { commits: [], truncated: false };
  const memo = (holder.releaseDeskDoraCommits ??= new Map<string, Brought>());
  const key = `${base}...${head}`;
  const known = memo.get(key);
  if (known) return known;
  try {
    const read = await compareCommits(serverGitHub(), { owner, repo, base, head });
    const commits: DoraCommit[] = [];
    for (const c of read.data.commits) {
      if (c.parents.length > 1) continue;
      const date = c.commit.committer?.date ?? c.commit.author?.date;
      if (date) commits.push({ sha: c.sha, committedAt: Date.parse(date) });
    }
    const answer: Brought = { commits, truncated: read.data.total_commits > read.data.commits.length };
    // A stale answer is a real answer too (commits never change), but keep only fresh ones for good.
    if (!read.stale) {
      if (memo.size >= 2_000) memo.delete(memo.keys().next().value as string);
      memo.set(key, answer);
    }
    return answer;
  } catch (error) {
    if (error instanceof GitHubError) return null;
    throw error;
  }
}
