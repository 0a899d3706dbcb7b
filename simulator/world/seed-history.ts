import { SERVER_BOT } from "../identities";
import { latest } from "./runs";
import type { Commit, CommitTraits, Run } from "./types";
import type { World } from "./world";

export interface SeedFacts {
  historyStart: string;
  /** The release whose production deploy degraded health (a `testing` commit). */
  badSha: string;
  /** The merge commit on `main` that deployed it to production. */
  badMergeSha: string;
  /** lee-lead's rollback dispatch (reason rollback) and the SHA it restored. */
  rollbackRunId: number;
  rollbackTargetSha: string;
  /** A production deploy that failed its smoke test and redeployed the previous SHA. */
  failedDeployRunId: number | null;
  /** The release candidate waiting in staging for acceptance. */
  candidateSha: string;
  candidatePullNumber: number;
  candidateNamespace: string;
  candidateCiRunId: number;
}

const HOUR = 3_600_000;
const MIN = 60_000;
const DAY = 24 * HOUR;

const VERBS = ["Add", "Fix", "Refactor", "Improve", "Handle", "Validate", "Speed up", "Log", "Tidy"];
const THINGS: Array<[string, string]> = [
  ["order_service", "order totals with discounts"],
  ["order_service", "RabbitMQ reconnect on broker restart"],
  ["customer_service", "customer address validation"],
  ["customer_service", "pagination of the customer list"],
  ["product_service", "product image upload to Blob Storage"],
  ["product_service", "stock level checks"],
  ["frontend", "checkout page layout"],
  ["frontend", "product search box"],
];

/**
 * Writes ~3 weeks (× scale) of history through the same actions the API uses, in time order, so
 * history and live behaviour cannot drift apart. Nothing is announced (the world is not live yet).
 */
export function seedHistory(world: World, startMs: number, scale: number): SeedFacts {
  const rng = world.rng;
  const cycles = Math.max(6, Math.round(20 * scale));
  const span = 21 * DAY * Math.max(1, scale);
  const h0 = startMs - span;
  const cycleLen = span / cycles;
  const at = (t: number) => {
    world.tick(t);
    return t;
  };

  const root = world.commit([], { message: "Initial commit", author: "ada-admin", at: h0 - DAY });
  root.files = [{ filename: "README.md", status: "added", additions: 12, deletions: 0 }];
  world.buildImages(root);
  world.graph.branches.set("main", root.sha);
  world.graph.branches.set("testing", root.sha);

  const failedDeployCycle = Math.floor(cycles * 0.4);
  const badCycle = cycles - 3;
  let failedDeployRunId: number | null = null;
  let prevProductionSha = root.sha;
  let bad: { sha: string; mergeSha: string } | null = null;
  let rollback: { runId: number; target: string } | null = null;
  let candidate: { commit: Commit; run: Run } | null = null;

  for (let k = 0; k < cycles; k++) {
    const final = k === cycles - 1;
    // The candidate is pushed a few hours before "now" so it is fresh on the overview.
    let t = final ? startMs - 4 * HOUR + rng.int(0, 30) * MIN : h0 + k * cycleLen + rng.int(0, 90) * MIN;
    const pushes = rng.int(1, 3);
    let last: { commit: Commit; run: Run } | null = null;
    for (let i = 0; i < pushes; i++) {
      const isLast = i === pushes - 1;
      const traits: Partial<CommitTraits> = isLast ? {} : randomCiTraits(rng.next());
      if (isLast && k === badCycle) traits.degraded = true;
      if (isLast && (k === failedDeployCycle || (scale > 1 && k % 53 === 17))) traits.deploy = "failure";
      const message =
        isLast && k === badCycle
          ? "Cache product listings in order_service for faster checkout"
          : commitMessage(rng);
      const commit = world.push("testing", { message, author: "dana-dev", at: at(t), traits });
      const run = newestRun(world, "ci-staging");
      // A newer push supersedes the release in staging: Release Desk (server token) tears it down.
      if (last && latest(last.run).conclusion === "success") {
        world.startRun("staging-teardown", {
          event: "workflow_dispatch",
          branch: "main",
          actor: SERVER_BOT.login,
          inputs: {
            sha: last.commit.sha,
            namespace: `staging-${last.commit.sha.slice(0, 7)}`,
            correlation_id: rng.uuid(),
          },
          at: t + rng.int(10, 60) * 1000,
        });
      }
      t = finishTime(run) + rng.int(5, 50) * MIN;
      if (commit.traits.ci === "flaky") {
        world.rerun(run, "dana-dev", at(t));
        t = finishTime(run) + rng.int(5, 30) * MIN;
      }
      last = { commit, run };
    }
    if (!last) continue;
    if (final) {
      candidate = last;
      break;
    }
    // QA accepts: Release Desk merges with the reviewer's token, then dispatches the teardown.
    t = at(t + rng.int(20, 180) * MIN);
    const pull = world.openPull("testing", "main");
    if (!pull) continue;
    const merge = world.merge(pull, { actor: "quinn-qa", at: t });
    const deployRun = newestRun(world, "deploy-production");
    const ns = `staging-${last.commit.sha.slice(0, 7)}`;
    world.startRun("staging-teardown", {
      event: "workflow_dispatch",
      branch: "main",
      actor: "quinn-qa",
      inputs: { sha: last.commit.sha, namespace: ns, correlation_id: rng.uuid() },
      at: t + rng.int(5, 40) * 1000,
    });
    if (last.commit.traits.deploy === "failure" && failedDeployRunId === null)
      failedDeployRunId = deployRun.id;
    if (last.commit.traits.deploy !== "failure") {
      if (k === badCycle) {
        bad = { sha: last.commit.sha, mergeSha: merge.sha };
        // Health degrades; the lead rolls back to the previous production SHA within the hour.
        const rt = at(finishTime(deployRun) + rng.int(25, 55) * MIN);
        const run = world.startRun("deploy-production", {
          event: "workflow_dispatch",
          branch: "main",
          actor: "lee-lead",
          inputs: { sha: prevProductionSha, reason: "rollback", correlation_id: rng.uuid() },
          at: rt,
        });
        rollback = { runId: run.id, target: prevProductionSha };
        at(finishTime(run) + MIN);
      } else {
        prevProductionSha = merge.sha;
      }
    }
    at(finishTime(deployRun) + MIN);
  }
  world.tick(startMs);
  if (!bad || !rollback || !candidate) throw new Error("seed history is incomplete");
  const pull = world.openPull("testing", "main");
  return {
    historyStart: new Date(h0).toISOString(),
    badSha: bad.sha,
    badMergeSha: bad.mergeSha,
    rollbackRunId: rollback.runId,
    rollbackTargetSha: rollback.target,
    failedDeployRunId,
    candidateSha: candidate.commit.sha,
    candidatePullNumber: pull?.number ?? 0,
    candidateNamespace: `staging-${candidate.commit.sha.slice(0, 7)}`,
    candidateCiRunId: candidate.run.id,
  };
}

function randomCiTraits(r: number): Partial<CommitTraits> {
  if (r < 0.14) return { ci: "failure", ciFailsAt: "test" };
  if (r < 0.2) return { ci: "failure", ciFailsAt: "smoke" };
  if (r < 0.26) return { ci: "flaky" };
  return {};
}

function commitMessage(rng: World["rng"]): string {
  const [service, thing] = rng.pick(THINGS);
  return `${rng.pick(VERBS)} ${thing} (${service})`;
}

function newestRun(world: World, key: Run["workflow"]): Run {
  const list = world.runs.byWorkflow.get(key) ?? [];
  return list[list.length - 1] as Run;
}

function finishTime(run: Run): number {
  const a = latest(run);
  return a.completedAt ?? a.startedAt + 30 * MIN;
}
