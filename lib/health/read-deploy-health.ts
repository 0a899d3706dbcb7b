import type { HealthEnvironment } from "@/lib/azure/environment-health";
import { unknown } from "@/lib/azure/outcome";
import { serverHealth } from "@/lib/server/azure";
import { toDeployHealthView, type DeployHealthRead, type DeployHealthView } from "./deploy-health-view";

/** Equal windows either side of a deploy, judged with the same thresholds; never throws. */
export async function readDeployHealth(
  environment: HealthEnvironment,
  deployTimeIso: string,
  windowMinutes: number,
): Promise<DeployHealthView> {
  return toDeployHealthView(await read(environment, deployTimeIso, windowMinutes), windowMinutes);
}

async function read(
  environment: HealthEnvironment,
  deployTimeIso: string,
  windowMinutes: number,
): Promise<DeployHealthRead> {
  const health = serverHealth(environment);
  if (health.kind !== "ready") return { kind: health.kind, reason: health.reason };
  try {
    return await health.service.getDeployComparison(environment, new Date(deployTimeIso), windowMinutes);
  } catch (error) {
    return unknown(error instanceof Error ? error.message : String(error));
  }
}
