import type { LogsQueryResult } from "@azure/monitor-query-logs";
import { mapResultRows, type ColumnSpec } from "./map-table";
import type { Outcome } from "./outcome";
import { DEPENDENCY_FAILURES_QUERY } from "./queries/dependency-failures";

export const DEPENDENCY_FAILURES_COLUMNS = {
  AppRoleName: "string",
  DependencyType: "string",
  Target: "string",
  Calls: "long",
  FailedCalls: "long",
  FailurePct: "real",
  P95Ms: "real",
} as const satisfies ColumnSpec;

export type DependencyKind = "rabbitmq" | "blob" | "http" | "other";

export interface DependencyFigures {
  service: string;
  kind: DependencyKind;
  dependencyType: string;
  target: string;
  calls: number;
  failedCalls: number;
  failurePct: number | null;
  p95Ms: number | null;
}

/**
 * SDKs name the same system differently (classic Application Insights writes "Azure blob", the
 * OpenTelemetry exporter the messaging system or the host), so both type and target are looked at.
 */
export function classifyDependency(dependencyType: string, target: string): DependencyKind {
  const text = `${dependencyType} ${target}`.toLowerCase();
  if (text.includes("rabbitmq") || text.includes("amqp")) return "rabbitmq";
  if (text.includes("blob")) return "blob";
  if (dependencyType.toLowerCase().startsWith("http")) return "http";
  return "other";
}

export function mapDependencies(result: LogsQueryResult): Outcome<DependencyFigures[]> {
  const rows = mapResultRows(DEPENDENCY_FAILURES_QUERY, result, DEPENDENCY_FAILURES_COLUMNS);
  if (rows.kind !== "ok") return rows;
  return {
    kind: "ok",
    value: rows.value.map((row) => ({
      service: row.AppRoleName,
      kind: classifyDependency(row.DependencyType, row.Target),
      dependencyType: row.DependencyType,
      target: row.Target,
      calls: row.Calls ?? 0,
      failedCalls: row.FailedCalls ?? 0,
      failurePct: row.FailurePct,
      p95Ms: row.P95Ms,
    })),
  };
}
