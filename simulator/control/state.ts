import type { Simulation } from "../server";
import { latest } from "../world/runs";
import type { Deployment } from "../world/types";

/** `GET /_sim/state`: the facts tests and the demo look up instead of hard-coding ids and SHAs. */
export function worldState(sim: Simulation) {
  const w = sim.world;
  const deployments = w.deployments;
  const latestOf = (env: string, ok: (d: Deployment) => boolean) =>
    deployments.list({ environment: env }).find(ok);
  const state = (d: Deployment | undefined) => (d ? deployments.latestState(d) : null);
  const staging = latestOf("staging", () => true);
  const production = latestOf("production", (d) => d.statuses.some((s) => s.state === "success"));
  const pull = w.openPull("testing", "main");
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    now: w.now().toISOString(),
    clockStart: w.clock.startedAt().toISOString(),
    seed: w.seed,
    speed: sim.options.speed,
    scale: sim.options.scale,
    repo: `${w.owner}/${w.name}`,
    productionApproval: w.approval,
    branches: Object.fromEntries(w.graph.branches),
    staging: staging && {
      deploymentId: staging.id,
      sha: staging.sha,
      namespace: staging.payload.namespace ?? null,
      state: state(staging),
      images: staging.payload.images ?? null,
      createdAt: iso(staging.createdAt),
    },
    production: production && {
      deploymentId: production.id,
      sha: production.sha,
      releaseSha: production.payload.accepted_sha ?? production.sha,
      reason: production.payload.reason ?? null,
      state: state(production),
      createdAt: iso(production.createdAt),
    },
    openPull: pull ? { number: pull.number, headSha: pull.headSha, baseSha: pull.baseSha } : null,
    liveNamespaces: [...w.namespaces.entries()]
      .filter(([, n]) => n.removedAt === null)
      .map(([name, n]) => ({ name, sha: n.sha })),
    activeRuns: [...w.runs.active].map((r) => ({
      id: r.id,
      workflow: r.workflow,
      status: latest(r).completedAt === null ? "pending" : "scheduled",
    })),
    seeded: w.facts,
    counts: {
      runs: w.runs.all.length,
      deployments: deployments.all.length,
      commits: w.graph.commits.size,
      pulls: w.pulls.size,
    },
    webhooks: { url: sim.webhooks.current()?.url ?? null, delivered: sim.webhooks.records.length },
  };
}
