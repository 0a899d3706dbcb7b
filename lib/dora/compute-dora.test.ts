import { describe, expect, it } from "vitest";
import { compareBases } from "./compare-bases";
import { computeDora, median } from "./compute-dora";
import type { DoraCommit, DoraDeployment } from "./dora-deployment";

const T0 = Date.parse("2026-11-01T00:00:00Z");
const MIN = 60_000;
/** Day `day` (0 = 1 Nov) at hh:mm UTC. */
const at = (day: number, hh: number, mm = 0) => T0 + ((day * 24 + hh) * 60 + mm) * MIN;

const dep = (
  id: number,
  sha: string,
  kind: DoraDeployment["kind"],
  state: DoraDeployment["state"],
  createdAt: number,
  finishedAt: number | null = null,
): DoraDeployment => ({ id, sha, kind, state, createdAt, finishedAt });

/**
 * Four weeks of production (1–29 Nov 2026) plus one deploy before them:
 *
 *  id   kind           state        created        finished   sha  what happened
 *  100  release        success      30 Oct 10:00   10:20      A    before the window (context only)
 *  101  release        success      2 Nov 10:00    10:20      B
 *  102  release        inactive     4 Nov 09:00    —          C    superseded by 103: not a failure
 *  103  release        failure      6 Nov 14:00    14:15      D    smoke tests failed
 *  104  auto-rollback  success      6 Nov 14:16    14:30      C    the pipeline put C back
 *  105  release        success      9 Nov 11:00    11:20      E    (brings D's commit too)
 *  106  release        success      11 Nov 16:00   16:10      F    health degraded…
 *  107  rollback       success      11 Nov 17:00   17:20      E    …a lead rolled back to E
 *  108  release        success      15 Nov 09:00   09:30      G    (brings F's commit again)
 *  109  release        failure      21 Nov 12:00   12:05      H    failed, no auto-rollback
 *  110  release        success      21 Nov 15:00   15:20      I    fixed forward
 *  111  release        inactive     25 Nov 10:00   —          J    superseded by 112
 *  112  release        in_progress  28 Nov 09:00   —          K    still rolling out
 */
const history: DoraDeployment[] = [
  dep(100, "A", "release", "success", at(-2, 10), at(-2, 10, 20)),
  dep(101, "B", "release", "success", at(1, 10), at(1, 10, 20)),
  dep(102, "C", "release", "inactive", at(3, 9)),
  dep(103, "D", "release", "failure", at(5, 14), at(5, 14, 15)),
  dep(104, "C", "auto-rollback", "success", at(5, 14, 16), at(5, 14, 30)),
  dep(105, "E", "release", "success", at(8, 11), at(8, 11, 20)),
  dep(106, "F", "release", "success", at(10, 16), at(10, 16, 10)),
  dep(107, "E", "rollback", "success", at(10, 17), at(10, 17, 20)),
  dep(108, "G", "release", "success", at(14, 9), at(14, 9, 30)),
  dep(109, "H", "release", "failure", at(20, 12), at(20, 12, 5)),
  dep(110, "I", "release", "success", at(20, 15), at(20, 15, 20)),
  dep(111, "J", "release", "inactive", at(24, 10)),
  dep(112, "K", "release", "in_progress", at(27, 9)),
];

const c = (sha: string, committedAt: number): DoraCommit => ({ sha, committedAt });

/**
 * The commits each release deploy brought over what production ran before it (what GitHub's compare
 * answers for the bases below). 111's are unknown (not in the map), as when a compare fails.
 */
const commits = new Map<number, DoraCommit[]>([
  [101, [c("b1", at(1, 8, 20)), c("b2", at(1, 6, 20))]],
  [102, [c("c1", at(3, 8))]],
  [105, [c("d1", at(5, 12)), c("e1", at(8, 10, 20))]],
  [106, [c("f1", at(10, 14, 10))]],
  [108, [c("f1", at(10, 14, 10)), c("g1", at(14, 5, 30))]],
  [110, [c("h1", at(20, 10, 20)), c("i1", at(20, 14, 50))]],
]);

const fourWeeks = { start: at(0, 0), end: at(28, 0) };

describe("DORA figures over a fixed four-week history", () => {
  const figures = computeDora({ deployments: history, commits, window: fourWeeks });

  it("counts release deploys that production ran, not failures, rollbacks or one still rolling out", () => {
    // Ran: 101, 102 (superseded after running), 105, 106, 108, 110, 111 = 7.
    // Not counted: 103 and 109 failed, 104 and 107 are rollbacks, 112 is in progress, 100 is before.
    // 7 deploys / 28 days = 0.25 a day = 1.75 a week.
    expect(figures.deploymentFrequency).toEqual({ deploys: 7, days: 28, perDay: 0.25, perWeek: 1.75 });
    expect(figures.deploymentsInWindow).toBe(12);
  });

  it("takes the median commit → production time, each commit once", () => {
    // Minutes from commit to the deploy's success (or creation, for the inactive 102):
    //   101 (10:20): b1 08:20 → 120, b2 06:20 → 240
    //   102 (09:00, inactive): c1 08:00 → 60
    //   105 (9 Nov 11:20): d1 6 Nov 12:00 → 3 d − 40 min = 4,280; e1 10:20 → 60
    //   106 (16:10): f1 14:10 → 120
    //   108 (15 Nov 09:30): f1 again (already counted at 106, rolled back, brought back) → skipped;
    //       g1 05:30 → 240
    //   110 (15:20): h1 10:20 → 300, i1 14:50 → 30
    // Sorted: 30 60 60 120 120 240 240 300 4280 → median (5th of 9) = 120 min.
    // 111's commits are unknown: reported, not guessed.
    expect(figures.leadTime).toEqual({ medianMs: 120 * MIN, changes: 9, deploysWithUnknownCommits: 1 });
  });

  it("counts failed and rolled-back deploys, but not superseded ones", () => {
    // Decided release deploys: the 7 that ran + 103 and 109 that failed = 9 (112 still rolling out).
    // Failures: 103 (failed), 106 (next deployment 107 is a rollback), 109 (failed) = 3.
    // 102 and 111 were superseded by newer releases; 108 is followed by the failed 109, which is a
    // release, not a rollback. 3 / 9 = 33.3 %.
    expect(figures.changeFailRate).toEqual({
      failures: 3,
      deploys: 9,
      rate: 3 / 9,
      failedDeploymentIds: [103, 106, 109],
    });
  });

  it("measures recovery from the failed deploy's start to the next deployment production ran", () => {
    //   103 14:00 → 104 (auto-rollback) success 14:30 = 30 min
    //   106 16:00 → 107 (rollback) success 17:20 = 80 min
    //   109 12:00 → 110 (fix forward) success 15:20 = 200 min
    // Median of 30, 80, 200 = 80 min.
    expect(figures.recovery).toEqual({ medianMs: 80 * MIN, recovered: 3, unrecovered: 0 });
  });
});

describe("DORA figures over a window that starts later", () => {
  it("uses only deployments created in the window", () => {
    // 22–29 Nov: 111 (ran, superseded) and 112 (rolling out). 1 deploy / 7 days = 1 a week.
    const figures = computeDora({
      deployments: history,
      commits,
      window: { start: at(21, 0), end: at(28, 0) },
    });
    expect(figures.deploymentFrequency).toEqual({ deploys: 1, days: 7, perDay: 1 / 7, perWeek: 1 });
    expect(figures.changeFailRate).toMatchObject({ failures: 0, deploys: 1, rate: 0 });
    expect(figures.leadTime).toEqual({ medianMs: null, changes: 0, deploysWithUnknownCommits: 1 });
    expect(figures.recovery).toEqual({ medianMs: null, recovered: 0, unrecovered: 0 });
  });

  it("reports a failure with no healthy deploy after it as not yet recovered", () => {
    const figures = computeDora({
      deployments: [...history.slice(0, 10)],
      commits,
      window: { start: at(20, 0), end: at(21, 0) },
    });
    // Only 109 is in the window, and nothing ran after it.
    expect(figures.changeFailRate).toMatchObject({ failures: 1, deploys: 1, rate: 1 });
    expect(figures.recovery).toEqual({ medianMs: null, recovered: 0, unrecovered: 1 });
  });

  it("has no rates at all when nothing was deployed", () => {
    const figures = computeDora({ deployments: [], commits: new Map(), window: fourWeeks });
    expect(figures.changeFailRate.rate).toBeNull();
    expect(figures.deploymentFrequency.deploys).toBe(0);
    expect(figures.deploymentsInWindow).toBe(0);
  });
});

describe("which comparison gives a release deploy's commits", () => {
  it("compares with what production ran before, skipping failed deploys, newest first", () => {
    expect(compareBases(history, fourWeeks)).toEqual([
      { deploymentId: 111, base: "I", head: "J" },
      { deploymentId: 110, base: "G", head: "I" }, // 109 (H) failed: its commit comes with 110
      { deploymentId: 108, base: "E", head: "G" }, // after the rollback to E
      { deploymentId: 106, base: "E", head: "F" },
      { deploymentId: 105, base: "C", head: "E" }, // after the auto-rollback to C
      { deploymentId: 102, base: "B", head: "C" },
      { deploymentId: 101, base: "A", head: "B" }, // A ran before the window
    ]);
  });

  it("leaves the first deploy without a base when nothing earlier is known", () => {
    expect(compareBases(history.slice(1, 3), fourWeeks)).toEqual([
      { deploymentId: 102, base: "B", head: "C" },
    ]);
  });
});

describe("median", () => {
  it("averages the middle two of an even count", () => {
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([])).toBeNull();
  });
});
