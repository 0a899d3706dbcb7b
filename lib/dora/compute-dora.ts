import {
  chronological,
  deliversChanges,
  ran,
  runningSince,
  type DoraCommit,
  type DoraDeployment,
} from "./dora-deployment";

const DAY_MS = 86_400_000;

export interface DoraInput {
  /** Production deployments, any order; may reach back before the window (as context). */
  deployments: readonly DoraDeployment[];
  /**
   * For release deployments: the commits each brought over what production ran before it. A
   * deployment missing from the map has unknown commits (not read, or GitHub could not compare).
   */
  commits: ReadonlyMap<number, readonly DoraCommit[]>;
  /** The window the figures describe: deployments created in [start, end]. */
  window: { start: number; end: number };
}

export interface DoraFigures {
  deploymentFrequency: {
    /** Release deploys in the window that production ran. */
    deploys: number;
    days: number;
    perDay: number;
    perWeek: number;
  };
  leadTime: {
    /** Median of (running in production − committed), over every change delivered in the window. */
    medianMs: number | null;
    changes: number;
    /** Release deploys whose commits are unknown, so their changes are not in the median. */
    deploysWithUnknownCommits: number;
  };
  changeFailRate: {
    /** Release deploys that failed, or that the next production deployment rolled back. */
    failures: number;
    /** Release deploys in the window with an outcome (ran or failed); those still rolling out wait. */
    deploys: number;
    rate: number | null;
    failedDeploymentIds: number[];
  };
  recovery: {
    /** Median of (failed deploy started → the next deployment production ran). */
    medianMs: number | null;
    recovered: number;
    /** Failures with no later deployment that ran yet. */
    unrecovered: number;
  };
  /** Deployments (any kind) created in the window. */
  deploymentsInWindow: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The four DORA figures over a fixed history. Pure: the same deployments, commits and window give
 * the same figures, so tests can check them against values worked out by hand.
 *
 * Rules (also shown to people next to each figure):
 * - Only release deploys are changes. Rollbacks and the pipeline's auto-rollbacks put back code that
 *   ran before: they are not counted as deployments, and their success ends a failure.
 * - A release deploy failed if its own status is failure/error, or if the very next production
 *   deployment is a rollback or auto-rollback. Being replaced by a newer release (superseded) is not
 *   a failure; rejected releases never reach production and so never appear here.
 * - A commit brought again after a rollback counts once, at the first deploy that brought it.
 */
export function computeDora({ deployments, commits, window }: DoraInput): DoraFigures {
  const all = chronological(deployments);
  const inWindow = (d: DoraDeployment) => d.createdAt >= window.start && d.createdAt <= window.end;
  const releases = all.filter((d) => deliversChanges(d) && inWindow(d));

  const delivered = releases.filter(ran);
  const days = Math.max(window.end - window.start, 0) / DAY_MS;

  // Lead time: every commit once, measured at the first deploy that put it in production.
  const seen = new Set<string>();
  const leadTimes: number[] = [];
  let unknownCommits = 0;
  for (const d of all.filter((x) => deliversChanges(x) && ran(x))) {
    const brought = commits.get(d.id);
    const counts = inWindow(d);
    if (!brought) {
      if (counts) unknownCommits++;
      continue;
    }
    for (const c of brought) {
      if (seen.has(c.sha)) continue;
      seen.add(c.sha);
      // Clock skew between a developer's machine and the pipeline can make this negative.
      if (counts) leadTimes.push(Math.max(0, runningSince(d) - c.committedAt));
    }
  }

  // Change fail rate and recovery.
  const decided = releases.filter((d) => ran(d) || d.state === "failure");
  const failed: DoraDeployment[] = [];
  for (const d of decided) {
    const next = all[all.indexOf(d) + 1];
    const rolledBack = next !== undefined && (next.kind === "rollback" || next.kind === "auto-rollback");
    if (d.state === "failure" || rolledBack) failed.push(d);
  }
  const recoveries: number[] = [];
  for (const f of failed) {
    const restored = all.slice(all.indexOf(f) + 1).find(ran);
    if (restored) recoveries.push(Math.max(0, runningSince(restored) - f.createdAt));
  }

  return {
    deploymentFrequency: {
      deploys: delivered.length,
      days,
      perDay: days > 0 ? delivered.length / days : 0,
      perWeek: days > 0 ? (delivered.length / days) * 7 : 0,
    },
    leadTime: {
      medianMs: median(leadTimes),
      changes: leadTimes.length,
      deploysWithUnknownCommits: unknownCommits,
    },
    changeFailRate: {
      failures: failed.length,
      deploys: decided.length,
      rate: decided.length > 0 ? failed.length / decided.length : null,
      failedDeploymentIds: failed.map((d) => d.id),
    },
    recovery: {
      medianMs: median(recoveries),
      recovered: recoveries.length,
      unrecovered: failed.length - recoveries.length,
    },
    deploymentsInWindow: all.filter(inWindow).length,
  };
}
