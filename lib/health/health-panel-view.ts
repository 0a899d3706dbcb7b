import type { EnvironmentHealth, HealthEnvironment, ServiceHealth } from "@/lib/azure/environment-health";
import type { ServiceExceptions } from "@/lib/azure/map-exceptions";
import type { ServiceSeries } from "@/lib/azure/map-series";
import type { Outcome } from "@/lib/azure/outcome";
import { formatCount, formatMs, formatPercent, formatRequestRate } from "./format-figures";
import { windowLabel } from "./health-window";
import { verdictView, type VerdictView } from "./verdict-view";

/** What a read of one environment's health gave: figures, or why there are none. */
export type HealthRead =
  | Extract<EnvironmentHealth, { kind: "ok" }>
  | { kind: "unknown" | "not_configured"; environment: HealthEnvironment; reason: string };

/** One time bin of a service's chart; plain numbers so it can cross to a client component. */
export interface ChartPoint {
  t: number;
  requests: number;
  failurePct: number | null;
  p95Ms: number | null;
}

export interface ServiceRowView {
  service: string;
  verdict: VerdictView;
  reasons: string[];
  requestRate: string;
  failure: string;
  p95: string;
  exceptions: string;
  chart: { points: ChartPoint[]; summary: string } | null;
}

export interface HealthPanelView {
  environment: HealthEnvironment;
  windowMinutes: number;
  windowLabel: string;
  verdict: VerdictView;
  /** Why there is no verdict, or that nothing reported: shown instead of, or above, the table. */
  message: string | null;
  reasons: string[];
  services: ServiceRowView[];
  /** Supporting figures that could not be read; the verdict stands without them. */
  notes: string[];
}

export function toHealthPanelView(read: HealthRead, windowMinutes: number): HealthPanelView {
  const base = { environment: read.environment, windowMinutes, windowLabel: windowLabel(windowMinutes) };
  if (read.kind !== "ok") {
    return {
      ...base,
      verdict: verdictView(read.kind),
      message: read.reason,
      reasons: [],
      services: [],
      notes: [],
    };
  }
  const exceptions = read.exceptions;
  const series = read.series;
  const silent = read.services.every((s) => s.figures === null || s.figures.requests === 0);
  return {
    ...base,
    verdict: verdictView(read.verdict),
    message: silent ? `no telemetry from any service in the last ${base.windowLabel}` : null,
    reasons: read.reasons,
    services: read.services.map((s) =>
      serviceRow(s, windowMinutes, exceptions, series.kind === "ok" ? series.value : null),
    ),
    notes: [
      ...(exceptions.kind === "unknown" ? [`exceptions: ${exceptions.reason}`] : []),
      ...(series.kind === "unknown" ? [`charts: ${series.reason}`] : []),
    ],
  };
}

function serviceRow(
  s: ServiceHealth,
  windowMinutes: number,
  exceptions: Outcome<ServiceExceptions[]>,
  series: { intervalMinutes: number; services: ServiceSeries[] } | null,
): ServiceRowView {
  const exceptionCount =
    exceptions.kind === "ok" ? (exceptions.value.find((e) => e.service === s.service)?.total ?? 0) : null;
  const own = series?.services.find((x) => x.service === s.service);
  return {
    service: s.service,
    verdict: verdictView(s.verdict),
    reasons: s.reasons,
    requestRate: formatRequestRate(s.figures?.requests ?? null, windowMinutes),
    failure: formatPercent(s.figures?.failurePct ?? null),
    p95: formatMs(s.figures?.p95Ms ?? null),
    exceptions: formatCount(exceptionCount),
    chart: series && own && own.points.length > 0 ? chartOf(own, series.intervalMinutes) : null,
  };
}

function chartOf(own: ServiceSeries, intervalMinutes: number): { points: ChartPoint[]; summary: string } {
  const points = own.points.map((p) => ({
    t: p.time.getTime(),
    requests: p.requests,
    failurePct: p.failurePct,
    p95Ms: p.p95Ms,
  }));
  return { points, summary: seriesSummary(points, intervalMinutes) };
}

/** The chart in words, for anyone who cannot see it: the range of each line over the bins. */
export function seriesSummary(points: readonly ChartPoint[], intervalMinutes: number): string {
  const range = (values: (number | null)[], show: (v: number) => string) => {
    const present = values.filter((v): v is number => v !== null);
    if (present.length === 0) return "no figures";
    const low = Math.min(...present);
    const high = Math.max(...present);
    return show(low) === show(high) ? `steady at ${show(low)}` : `${show(low)} to ${show(high)}`;
  };
  const bins = `${points.length} bin${points.length === 1 ? "" : "s"} of ${windowLabel(intervalMinutes)}`;
  return (
    `Failure rate ${range(
      points.map((p) => p.failurePct),
      formatPercent,
    )}, ` +
    `p95 ${range(
      points.map((p) => p.p95Ms),
      formatMs,
    )} over ${bins}`
  );
}

/** The one-line health of an environment for its overview card. */
export function environmentVerdictSummary(view: HealthPanelView): { verdict: VerdictView; detail: string } {
  return {
    verdict: view.verdict,
    detail: view.message ?? view.reasons[0] ?? `all services within limits over the last ${view.windowLabel}`,
  };
}
