import { getPrisma } from "@/lib/db/client";
import { compareCommits, type CommitComparison } from "@/lib/github/compare-commits";
import { combineFreshness, freshnessOf } from "@/lib/github/freshness";
import { toFreshnessView } from "@/lib/environments/environment-overview";
import { repoRef, serverGitHub } from "@/lib/server/github";
import { describeProductionLock } from "./describe-production-lock";
import type { ReleaseCommit } from "./get-release";
import { readProductionFacts } from "./read-production-facts";
import { PRODUCTION_LOCK } from "./request-rollback";

export interface CommitList {
  commits: ReleaseCommit[];
  count: number;
  truncated: boolean;
}

export interface ImageChange {
  service: string;
  now: string | null;
  after: string | null;
  changes: boolean;
}

export interface RollbackPlan {
  targetSha: string;
  currentSha: string | null;
  /** When the target was deployed: its recorded health is read around this time. */
  targetDeployedAtIso: string | null;
  /** Commits production runs now that the rollback takes away, newest first. */
  undone: CommitList | null;
  /** Commits the target has that production lacks (the target is not an ancestor: a redeploy of an
   * older SHA went out meanwhile), newest first; null when there are none. */
  restored: CommitList | null;
  images: ImageChange[];
  /** Why the server would refuse now (the same checks run again on confirm). */
  blockers: string[];
  freshness: { stale: boolean; fetchedAtIso: string; error?: string };
}

/** What the rollback confirmation shows: current vs target, the commits undone, the digest diff. */
export async function getRollbackPlan(targetSha: string): Promise<RollbackPlan> {
  const prisma = await getPrisma();
  const [facts, holder] = await Promise.all([
    readProductionFacts(targetSha),
    prisma.operation.findFirst({ where: { productionLock: PRODUCTION_LOCK } }),
  ]);
  const currentSha = facts.current?.sha ?? null;
  const blockers: string[] = [];
  if (holder) blockers.push(describeProductionLock(holder));
  if (facts.rollingOut)
    blockers.push(`A production deployment of ${facts.rollingOut.sha.slice(0, 7)} is rolling out.`);
  if (!facts.target) blockers.push(`${targetSha.slice(0, 7)} was never deployed to production successfully.`);
  if (currentSha === targetSha) blockers.push(`Production already runs ${targetSha.slice(0, 7)}.`);

  let undone: CommitList | null = null;
  let restored: CommitList | null = null;
  const reads = [freshnessOf(facts.freshness)];
  if (currentSha && currentSha !== targetSha) {
    const { owner, repo } = repoRef();
    const comparison = await compareCommits(serverGitHub(), {
      owner,
      repo,
      base: targetSha,
      head: currentSha,
    });
    reads.push(freshnessOf(comparison));
    undone = commitList(comparison.data);
    if (comparison.data.behind_by > 0) {
      const back = await compareCommits(serverGitHub(), { owner, repo, base: currentSha, head: targetSha });
      reads.push(freshnessOf(back));
      restored = commitList(back.data);
    }
  }

  const now = facts.current?.images ?? {};
  const after = facts.target?.images ?? {};
  const services = [...new Set([...Object.keys(now), ...Object.keys(after)])].sort();
  return {
    targetSha,
    currentSha,
    targetDeployedAtIso: facts.target?.createdAtIso ?? null,
    undone,
    restored,
    images: services.map((service) => ({
      service,
      now: now[service] ?? null,
      after: after[service] ?? null,
      changes: (now[service] ?? null) !== (after[service] ?? null),
    })),
    blockers,
    freshness: toFreshnessView(combineFreshness(reads)),
  };
}

function commitList(comparison: CommitComparison): CommitList {
  return {
    commits: comparison.commits
      .map((c) => ({
        sha: c.sha,
        message: c.commit.message.split("\n")[0] ?? "",
        author: c.author?.login ?? c.commit.author?.name ?? null,
        htmlUrl: c.html_url,
      }))
      .reverse(),
    count: comparison.ahead_by,
    // GitHub lists at most 250 commits without paging.
    truncated: comparison.ahead_by > comparison.commits.length,
  };
}
