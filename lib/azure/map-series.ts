import type { LogsQueryResult } from "@azure/monitor-query-logs";
import { mapResultRows, type ColumnSpec } from "./map-table";
import type { Outcome } from "./outcome";
import { REQUEST_SERIES_QUERY } from "./queries/request-series";

export const REQUEST_SERIES_COLUMNS = {
  TimeGenerated: "datetime",
  AppRoleName: "string",
  Requests: "long",
  FailedRequests: "long",
  FailurePct: "real",
  P95Ms: "real",
} as const satisfies ColumnSpec;

export interface SeriesPoint {
  time: Date;
  requests: number;
  failedRequests: number;
  failurePct: number | null;
  p95Ms: number | null;
}

/** One service's points in time order; bins without requests are absent, as Log Analytics omits them. */
export interface ServiceSeries {
  service: string;
  points: SeriesPoint[];
}

export function mapRequestSeries(result: LogsQueryResult): Outcome<ServiceSeries[]> {
  const rows = mapResultRows(REQUEST_SERIES_QUERY, result, REQUEST_SERIES_COLUMNS);
  if (rows.kind !== "ok") return rows;

  const byService = new Map<string, SeriesPoint[]>();
  for (const row of rows.value) {
    const points = byService.get(row.AppRoleName) ?? [];
    points.push({
      time: row.TimeGenerated,
      requests: row.Requests ?? 0,
      failedRequests: row.FailedRequests ?? 0,
      failurePct: row.FailurePct,
      p95Ms: row.P95Ms,
    });
    byService.set(row.AppRoleName, points);
  }
  return {
    kind: "ok",
    value: [...byService].map(([service, points]) => ({
      service,
      points: points.sort((a, b) => a.time.getTime() - b.time.getTime()),
    })),
  };
}
