import type { HealthEnvironment } from "./environment-health";
import type { ServiceComparison } from "./map-comparison";
import type { Outcome } from "./outcome";
import { findThresholdCrossings, type ThresholdCrossing } from "./threshold-crossings";
import type { HealthThresholds } from "./thresholds";
import { environmentVerdict, serviceVerdict, type ServiceVerdict, type VerdictWithReasons } from "./verdict";

export interface ServiceDeployComparison extends ServiceComparison {
  beforeVerdict: ServiceVerdict;
  afterVerdict: ServiceVerdict;
}

interface ComparisonScope {
  environment: HealthEnvironment;
  deployTime: Date;
  windowMinutes: number;
}

export type DeployComparison =
  | (ComparisonScope & {
      kind: "ok";
      /** False while `deployTime + window` is still in the future: the "after" side is partial. */
      afterWindowComplete: boolean;
      before: VerdictWithReasons;
      after: VerdictWithReasons;
      services: ServiceDeployComparison[];
      crossings: ThresholdCrossing[];
    })
  | (ComparisonScope & { kind: "unknown"; reason: string });

export interface DeployComparisonInput extends ComparisonScope {
  now: Date;
  thresholds: HealthThresholds;
  services: readonly string[];
  comparison: Outcome<ServiceComparison[]>;
}

/** Judges each side of a deploy with the same thresholds and lists the limits the change crossed. */
export function assembleDeployComparison(input: DeployComparisonInput): DeployComparison {
  const { environment, deployTime, windowMinutes, thresholds } = input;
  const scope = { environment, deployTime, windowMinutes };
  if (input.comparison.kind !== "ok") return { ...scope, kind: "unknown", reason: input.comparison.reason };

  const rows = input.comparison.value;
  const names = [...new Set([...input.services, ...rows.map((r) => r.service)])];
  const services = names.map((service): ServiceDeployComparison => {
    const row = rows.find((r) => r.service === service) ?? { service, before: null, after: null };
    const judge = (figures: ServiceComparison["before"]) =>
      serviceVerdict(
        {
          service,
          requests: figures?.requests ?? 0,
          failurePct: figures?.failurePct ?? null,
          p95Ms: figures?.p95Ms ?? null,
          availabilityPct: null,
        },
        thresholds,
      );
    return { ...row, beforeVerdict: judge(row.before), afterVerdict: judge(row.after) };
  });

  return {
    ...scope,
    kind: "ok",
    afterWindowComplete: deployTime.getTime() + windowMinutes * 60_000 <= input.now.getTime(),
    before: environmentVerdict(services.map((s) => s.beforeVerdict)),
    after: environmentVerdict(services.map((s) => s.afterVerdict)),
    services,
    crossings: findThresholdCrossings(services, thresholds),
  };
}
