import type { ServiceComparison } from "./map-comparison";
import type { HealthThresholds } from "./thresholds";
import { formatValue } from "./verdict";

export interface ThresholdCrossing {
  service: string;
  metric: "failurePct" | "p95Ms";
  before: number;
  after: number;
  /** The limit crossed: the highest one when getting worse, the lowest one when recovering. */
  threshold: number;
  level: "warn" | "crit";
  direction: "worse" | "better";
  text: string;
}

const METRICS = [
  { metric: "failurePct", label: "failure rate", unit: "%", decimals: 1 },
  { metric: "p95Ms", label: "p95", unit: " ms", decimals: 0 },
] as const;

/** Which before → after changes cross a warn or crit limit, in either direction. */
export function findThresholdCrossings(
  services: readonly ServiceComparison[],
  thresholds: HealthThresholds,
): ThresholdCrossing[] {
  const crossings: ThresholdCrossing[] = [];
  for (const { service, before, after } of services) {
    for (const { metric, label, unit, decimals } of METRICS) {
      const from = before?.[metric] ?? null;
      const to = after?.[metric] ?? null;
      if (from === null || to === null) continue;
      const limits = thresholds[metric];
      const levels = [
        { level: "warn" as const, threshold: limits.warn },
        { level: "crit" as const, threshold: limits.crit },
      ];
      const show = (value: number, limit: number) => `${formatValue(value, limit, decimals)}${unit}`;

      const worse = levels.filter(({ threshold }) => from <= threshold && to > threshold).at(-1);
      if (worse) {
        crossings.push({
          service,
          metric,
          before: from,
          after: to,
          ...worse,
          direction: "worse",
          text: `${service} ${label} rose from ${show(from, worse.threshold)} to ${show(to, worse.threshold)}, above the ${worse.level} limit of ${worse.threshold}${unit}`,
        });
      }
      const better = levels.find(({ threshold }) => from > threshold && to <= threshold);
      if (better) {
        crossings.push({
          service,
          metric,
          before: from,
          after: to,
          ...better,
          direction: "better",
          text: `${service} ${label} fell from ${show(from, better.threshold)} to ${show(to, better.threshold)}, back within the ${better.level} limit of ${better.threshold}${unit}`,
        });
      }
    }
  }
  return crossings;
}
