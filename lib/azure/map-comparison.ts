import type { LogsQueryResult } from "@azure/monitor-query-logs";
import type { ServiceFigures } from "./map-service-health";
import { mapResultRows, type ColumnSpec } from "./map-table";
import { unknown, type Outcome } from "./outcome";
import { DEPLOY_COMPARISON_QUERY } from "./queries/deploy-comparison";

export const DEPLOY_COMPARISON_COLUMNS = {
  AppRoleName: "string",
  Phase: "string",
  Requests: "long",
  FailedRequests: "long",
  FailurePct: "real",
  P50Ms: "real",
  P95Ms: "real",
} as const satisfies ColumnSpec;

/** A service's figures in the windows before and after a deploy; null where it had no requests. */
export interface ServiceComparison {
  service: string;
  before: ServiceFigures | null;
  after: ServiceFigures | null;
}

export function mapDeployComparison(result: LogsQueryResult): Outcome<ServiceComparison[]> {
  const rows = mapResultRows(DEPLOY_COMPARISON_QUERY, result, DEPLOY_COMPARISON_COLUMNS);
  if (rows.kind !== "ok") return rows;

  const byService = new Map<string, ServiceComparison>();
  for (const row of rows.value) {
    if (row.Phase !== "before" && row.Phase !== "after") {
      return unknown(`${DEPLOY_COMPARISON_QUERY} answered an unexpected phase "${row.Phase}"`);
    }
    const entry = byService.get(row.AppRoleName) ?? { service: row.AppRoleName, before: null, after: null };
    entry[row.Phase] = {
      service: row.AppRoleName,
      requests: row.Requests ?? 0,
      failedRequests: row.FailedRequests ?? 0,
      failurePct: row.FailurePct,
      p50Ms: row.P50Ms,
      p95Ms: row.P95Ms,
    };
    byService.set(row.AppRoleName, entry);
  }
  return { kind: "ok", value: [...byService.values()] };
}
