import type { HealthEnvironment } from "@/lib/azure/environment-health";
import { createAzureCredential } from "@/lib/azure/credential";
import { createHealthService, type HealthService } from "@/lib/azure/health-service";
import { unknown } from "@/lib/azure/outcome";
import { getConfig } from "@/lib/config/config";
import { healthThresholdsFromConfig } from "@/lib/health/health-thresholds";

const holder = globalThis as unknown as { releaseDeskServerHealth?: HealthService };

const WORKSPACE_VARIABLE: Record<HealthEnvironment, string> = {
  staging: "AZURE_WORKSPACE_STAGING",
  production: "AZURE_WORKSPACE_PRODUCTION",
};

export type ServerHealth =
  | { kind: "ready"; service: HealthService }
  | { kind: "not_configured"; reason: string }
  | { kind: "unknown"; reason: string };

/**
 * The process's one health service, so every page and viewer shares its cache and in-flight queries.
 * An environment without a workspace id is "not configured" rather than an error: staging health is
 * optional for a team that only watches production.
 */
export function serverHealth(environment: HealthEnvironment): ServerHealth {
  const { azure } = getConfig();
  if (!azure.workspaces[environment]) {
    return {
      kind: "not_configured",
      reason: `health not configured: set ${WORKSPACE_VARIABLE[environment]}`,
    };
  }
  try {
    holder.releaseDeskServerHealth ??= createHealthService({
      credential: createAzureCredential(azure.credential),
      endpoint: azure.endpoint,
      // The other environment may be unset; it is never queried because of the check above.
      workspaces: { staging: azure.workspaces.staging ?? "", production: azure.workspaces.production ?? "" },
      thresholds: healthThresholdsFromConfig(azure.thresholds),
      timeoutMs: azure.timeoutMs,
      ttlMs: azure.cacheTtlMs,
    });
  } catch (error) {
    // A bad endpoint or threshold set is a configuration problem to show, not a page crash.
    return unknown(
      `the health service could not be set up: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { kind: "ready", service: holder.releaseDeskServerHealth };
}
