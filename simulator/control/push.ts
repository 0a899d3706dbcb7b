import { isRecord } from "../http/body";
import { findIdentity } from "../identities";
import { json } from "../http/respond";
import type { SimResponse } from "../http/types";
import type { Simulation } from "../server";
import type { CommitTraits } from "../world/types";

const CI = ["success", "failure", "flaky"];

/**
 * `POST /_sim/push {branch, message?, author?, ci?, ciFailsAt?, deploy?, degraded?, openPull?, conflict?}`:
 * a developer pushes one commit. Traits decide its fate: `ci` (success|failure|flaky), where CI fails
 * (`ciFailsAt` test|smoke), whether its production deploy fails (`deploy`) or degrades health.
 */
export function pushFromControl(sim: Simulation, body: unknown): SimResponse {
  const b = isRecord(body) ? body : {};
  const branch = typeof b.branch === "string" && b.branch ? b.branch : null;
  if (!branch) return json(400, { error: "branch is required" });
  const author = typeof b.author === "string" ? b.author : "dana-dev";
  if (!findIdentity(author)) return json(400, { error: `unknown author ${author}` });
  if (b.ci !== undefined && (typeof b.ci !== "string" || !CI.includes(b.ci)))
    return json(400, { error: "ci must be success, failure or flaky" });
  const traits: Partial<CommitTraits> = {};
  if (typeof b.ci === "string") traits.ci = b.ci as CommitTraits["ci"];
  if (b.ciFailsAt === "test" || b.ciFailsAt === "smoke") traits.ciFailsAt = b.ciFailsAt;
  if (b.deploy === "success" || b.deploy === "failure") traits.deploy = b.deploy;
  if (typeof b.degraded === "boolean") traits.degraded = b.degraded;

  const world = sim.world;
  world.tick();
  const now = world.nowMs();
  if (!world.graph.branches.has(branch)) {
    world.graph.branches.set(branch, world.graph.branches.get("main") as string);
  }
  const message =
    typeof b.message === "string" && b.message
      ? b.message
      : `Update ${branch} at ${new Date(now).toISOString()}`;
  const before = world.runs.all.length;
  const commit = world.push(branch, { message, author, at: now, traits, openPull: b.openPull !== false });
  if (typeof b.conflict === "boolean") {
    for (const p of world.openPulls) if (p.head === branch || p.base === branch) p.conflict = b.conflict;
  }
  world.tick(now);
  const runIds = world.runs.all.slice(before).map((r) => r.id);
  const pull = world.openPull(branch, "main");
  return json(201, { sha: commit.sha, branch, runIds, pullNumber: pull?.number ?? null });
}
