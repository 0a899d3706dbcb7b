import type { Environment } from "./rows";
import type { TelemetryDeployment } from "./types";

/**
 * The deployment whose code serves `environment` at `t`: the latest one started by then and not yet
 * ended. None for staging between releases, so staging has no telemetry then.
 */
export function activeDeployment(
  deployments: readonly TelemetryDeployment[],
  environment: Environment,
  t: number,
): TelemetryDeployment | null {
  let active: TelemetryDeployment | null = null;
  for (const d of deployments) {
    if (d.environment !== environment) continue;
    const started = d.startedAt.getTime();
    if (started > t || (d.endedAt !== null && d.endedAt.getTime() <= t)) continue;
    if (!active || started > active.startedAt.getTime()) active = d;
  }
  return active;
}
