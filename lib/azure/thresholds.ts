/**
 * Limits the verdict applies, passed in by configuration. A value strictly above `warn` degrades a
 * service, strictly above `crit` makes it unhealthy; availability strictly below `min` is unhealthy.
 */
export interface HealthThresholds {
  failurePct: { warn: number; crit: number };
  p95Ms: { warn: number; crit: number };
  availabilityPct: { min: number };
}

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  failurePct: { warn: 2, crit: 5 },
  p95Ms: { warn: 500, crit: 1000 },
  availabilityPct: { min: 99 },
};

export function assertValidThresholds(thresholds: HealthThresholds): void {
  const { failurePct, p95Ms, availabilityPct } = thresholds;
  const problems: string[] = [];
  if (!(failurePct.warn >= 0 && failurePct.warn <= failurePct.crit && failurePct.crit <= 100)) {
    problems.push("failure % needs 0 <= warn <= crit <= 100");
  }
  if (!(p95Ms.warn >= 0 && p95Ms.warn <= p95Ms.crit)) problems.push("p95 ms needs 0 <= warn <= crit");
  if (!(availabilityPct.min >= 0 && availabilityPct.min <= 100)) {
    problems.push("availability % needs 0 <= min <= 100");
  }
  if (problems.length > 0) throw new RangeError(`Invalid health thresholds: ${problems.join("; ")}`);
}
