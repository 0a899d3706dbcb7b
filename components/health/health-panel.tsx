import type { HealthPanelView } from "@/lib/health/health-panel-view";
import { readEnvironmentHealth } from "@/lib/health/read-environment-health";
import { HealthPanelContent } from "./health-panel-content";

/**
 * Self-contained so any page (overview, release) can embed an environment's health: wrap it in
 * `<Suspense fallback={<HealthPanelFallback …/>}>` so Azure latency never holds up the rest.
 */
export async function HealthPanel({
  environment,
  windowMinutes,
  headingLevel = 2,
}: {
  environment: HealthPanelView["environment"];
  windowMinutes: number;
  headingLevel?: 2 | 3;
}) {
  const view = await readEnvironmentHealth(environment, windowMinutes);
  return <HealthPanelContent view={view} headingLevel={headingLevel} />;
}
