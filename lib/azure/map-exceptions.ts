import type { LogsQueryResult } from "@azure/monitor-query-logs";
import { mapResultRows, type ColumnSpec } from "./map-table";
import type { Outcome } from "./outcome";
import { TOP_EXCEPTIONS_QUERY } from "./queries/top-exceptions";

export const TOP_EXCEPTIONS_COLUMNS = {
  AppRoleName: "string",
  ExceptionType: "string",
  ProblemId: "string",
  SampleMessage: "string",
  Exceptions: "long",
  ServiceExceptions: "long",
} as const satisfies ColumnSpec;

export interface ExceptionType {
  type: string;
  problemId: string;
  sampleMessage: string;
  count: number;
}

/** A service's exception total and its most frequent exception types, most frequent first. */
export interface ServiceExceptions {
  service: string;
  total: number;
  top: ExceptionType[];
}

export function mapTopExceptions(result: LogsQueryResult): Outcome<ServiceExceptions[]> {
  const rows = mapResultRows(TOP_EXCEPTIONS_QUERY, result, TOP_EXCEPTIONS_COLUMNS);
  if (rows.kind !== "ok") return rows;

  const byService = new Map<string, ServiceExceptions>();
  for (const row of rows.value) {
    const entry = byService.get(row.AppRoleName) ?? {
      service: row.AppRoleName,
      total: row.ServiceExceptions ?? 0,
      top: [],
    };
    entry.top.push({
      type: row.ExceptionType,
      problemId: row.ProblemId,
      sampleMessage: row.SampleMessage,
      count: row.Exceptions ?? 0,
    });
    byService.set(row.AppRoleName, entry);
  }
  for (const entry of byService.values()) entry.top.sort((a, b) => b.count - a.count);
  return { kind: "ok", value: [...byService.values()] };
}
