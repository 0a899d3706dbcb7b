import type { HealthThresholds } from "./thresholds";

export type Verdict = "healthy" | "degraded" | "unhealthy" | "no_data";

/** What the verdict of one service is computed from; missing figures are null. */
export interface ServiceVerdictInput {
  service: string;
  requests: number;
  failurePct: number | null;
  p95Ms: number | null;
  /** Lowest availability among the service's availability tests; null when it has none. */
  availabilityPct: number | null;
}

export interface VerdictWithReasons {
  verdict: Verdict;
  /** Why it is not healthy, in words, worst first; empty when healthy. */
  reasons: string[];
}

export interface ServiceVerdict extends VerdictWithReasons {
  service: string;
}

// Missing data ranks above healthy: a silent service must never make an environment look healthy.
const SEVERITY: Record<Verdict, number> = { healthy: 0, no_data: 1, degraded: 2, unhealthy: 3 };

export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((worst, v) => (SEVERITY[v] > SEVERITY[worst] ? v : worst), "healthy");
}

interface Finding {
  verdict: Verdict;
  reason: string;
}

export function serviceVerdict(input: ServiceVerdictInput, thresholds: HealthThresholds): ServiceVerdict {
  const { service } = input;
  const findings: Finding[] = [];

  if (input.requests <= 0) {
    findings.push({ verdict: "no_data", reason: `${service} has no requests in the window` });
  } else {
    const failure = aboveLimits(input.failurePct, thresholds.failurePct);
    if (failure) {
      findings.push({
        verdict: failure.verdict,
        reason: `${service} failure rate ${formatValue(input.failurePct!, failure.limit)}% > ${failure.limit}%`,
      });
    }
    const latency = aboveLimits(input.p95Ms, thresholds.p95Ms);
    if (latency) {
      findings.push({
        verdict: latency.verdict,
        reason: `${service} p95 ${formatValue(input.p95Ms!, latency.limit, 0)} ms > ${latency.limit} ms`,
      });
    }
  }
  const min = thresholds.availabilityPct.min;
  if (input.availabilityPct !== null && input.availabilityPct < min) {
    findings.push({
      verdict: "unhealthy",
      reason: `${service} availability ${formatValue(input.availabilityPct, min)}% < ${min}%`,
    });
  }

  findings.sort((a, b) => SEVERITY[b.verdict] - SEVERITY[a.verdict]);
  return {
    service,
    verdict: worstVerdict(findings.map((f) => f.verdict)),
    reasons: findings.map((f) => f.reason),
  };
}

/** The environment is as healthy as its worst service; its reasons are all of theirs, worst first. */
export function environmentVerdict(services: readonly ServiceVerdict[]): VerdictWithReasons {
  if (services.length === 0) return { verdict: "no_data", reasons: ["no services reported telemetry"] };
  const ordered = [...services].sort((a, b) => SEVERITY[b.verdict] - SEVERITY[a.verdict]);
  return {
    verdict: worstVerdict(services.map((s) => s.verdict)),
    reasons: ordered.flatMap((s) => s.reasons),
  };
}

function aboveLimits(
  value: number | null,
  limits: { warn: number; crit: number },
): { verdict: Verdict; limit: number } | null {
  if (value === null) return null;
  if (value > limits.crit) return { verdict: "unhealthy", limit: limits.crit };
  if (value > limits.warn) return { verdict: "degraded", limit: limits.warn };
  return null;
}

/**
 * One decimal (none for milliseconds), with more only where rounding would print the limit itself
 * ("5.0% > 5%" would read as a bug).
 */
export function formatValue(value: number, limit: number, decimals = 1): string {
  for (let d = decimals; d <= 4; d++) {
    const text = value.toFixed(d);
    if (Number(text) !== limit) return d === 0 ? text : trimZeros(text, decimals);
  }
  return String(value);
}

function trimZeros(text: string, keep: number): string {
  const [whole, fraction = ""] = text.split(".");
  const trimmed = fraction.replace(/0+$/, "").padEnd(keep, "0");
  return trimmed ? `${whole}.${trimmed}` : whole!;
}
