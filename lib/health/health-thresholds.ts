import type { HealthThresholds } from "@/lib/azure/thresholds";
import type { Config } from "@/lib/config/config";

/** Configuration keeps flat variables (one per env var); the verdict wants them grouped by metric. */
export function healthThresholdsFromConfig(t: Config["azure"]["thresholds"]): HealthThresholds {
  return {
    failurePct: { warn: t.failureWarnPct, crit: t.failureCritPct },
    p95Ms: { warn: t.p95WarnMs, crit: t.p95CritMs },
    availabilityPct: { min: t.availabilityMinPct },
  };
}
