import type { LogsQueryResult } from "@azure/monitor-query-logs";
import { mapResultRows, type ColumnSpec } from "./map-table";
import type { Outcome } from "./outcome";
import { SERVICE_HEALTH_QUERY } from "./queries/service-health";

export const SERVICE_HEALTH_COLUMNS = {
  AppRoleName: "string",
  Requests: "long",
  FailedRequests: "long",
  FailurePct: "real",
  P50Ms: "real",
  P95Ms: "real",
} as const satisfies ColumnSpec;

/** One service's request figures over a window. */
export interface ServiceFigures {
  service: string;
  requests: number;
  failedRequests: number;
  /** null when there were no requests to divide by. */
  failurePct: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

export function mapServiceHealth(result: LogsQueryResult): Outcome<ServiceFigures[]> {
  const rows = mapResultRows(SERVICE_HEALTH_QUERY, result, SERVICE_HEALTH_COLUMNS);
  if (rows.kind !== "ok") return rows;
  return {
    kind: "ok",
    value: rows.value.map((row) => ({
      service: row.AppRoleName,
      requests: row.Requests ?? 0,
      failedRequests: row.FailedRequests ?? 0,
      failurePct: row.FailurePct,
      p50Ms: row.P50Ms,
      p95Ms: row.P95Ms,
    })),
  };
}
