import type { HealthEnvironment } from "@/lib/azure/environment-health";
import { unknown } from "@/lib/azure/outcome";
import { serverHealth } from "@/lib/server/azure";
import { toHealthPanelView, type HealthPanelView, type HealthRead } from "./health-panel-view";

/** One environment's health over the last `windowMinutes`, ready to render; never throws. */
export async function readEnvironmentHealth(
  environment: HealthEnvironment,
  windowMinutes: number,
): Promise<HealthPanelView> {
  return toHealthPanelView(await read(environment, windowMinutes), windowMinutes);
}

async function read(environment: HealthEnvironment, windowMinutes: number): Promise<HealthRead> {
  const health = serverHealth(environment);
  if (health.kind !== "ready") return { kind: health.kind, environment, reason: health.reason };
  try {
    return await health.service.getEnvironmentHealth(environment, windowMinutes);
  } catch (error) {
    return { environment, ...unknown(error instanceof Error ? error.message : String(error)) };
  }
}
