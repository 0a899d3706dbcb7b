import type { TelemetryDeployment } from "../azure/types";
import type { Deployment } from "./types";
import type { World } from "./world";

const cache = new WeakMap<World, { key: string; value: TelemetryDeployment[] }>();

/**
 * Deployments that actually ran, with when they stopped running: a staging namespace ends when it is
 * torn down or superseded; a production deployment ends when the next one goes live.
 */
export function telemetryDeployments(world: World): TelemetryDeployment[] {
  const store = world.deployments;
  const key = `${store.all.length}:${store.version}`;
  const hit = cache.get(world);
  if (hit?.key === key) return hit.value;

  const out: TelemetryDeployment[] = [];
  let current: TelemetryDeployment | null = null;
  for (const d of store.all) {
    if (d.environment !== "staging" && d.environment !== "production") continue;
    const started = firstAt(d, "in_progress") ?? d.createdAt;
    const success = firstAt(d, "success");
    const failure = firstAt(d, "failure") ?? firstAt(d, "error");
    const namespace = typeof d.payload.namespace === "string" ? d.payload.namespace : d.environment;
    const degraded = d.environment === "production" && (world.releaseCommit(d.sha)?.traits.degraded ?? false);
    if (d.environment === "staging") {
      if (success === null && failure === null) continue;
      const ended = firstAt(d, "inactive") ?? (success === null ? failure : null);
      out.push({
        environment: "staging",
        sha: d.sha,
        namespace,
        startedAt: new Date(started),
        endedAt: ended === null ? null : new Date(ended),
        degraded: false,
      });
      continue;
    }
    if (success === null && failure === null) continue;
    const entry: TelemetryDeployment = {
      environment: "production",
      sha: d.sha,
      namespace,
      startedAt: new Date(started),
      endedAt: success === null ? new Date(failure as number) : null,
      // A deploy that failed its smoke test served errors until the redeploy.
      degraded: degraded || success === null,
    };
    if (current) current.endedAt = new Date(started);
    current = success !== null ? entry : null;
    out.push(entry);
  }
  cache.set(world, { key, value: out });
  return out;
}

function firstAt(d: Deployment, state: string): number | null {
  return d.statuses.find((s) => s.state === state)?.createdAt ?? null;
}
