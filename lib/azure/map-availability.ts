import type { LogsQueryResult } from "@azure/monitor-query-logs";
import { mapResultRows, type ColumnSpec } from "./map-table";
import type { Outcome } from "./outcome";
import { AVAILABILITY_QUERY } from "./queries/availability";

export const AVAILABILITY_COLUMNS = {
  Name: "string",
  Runs: "long",
  FailedRuns: "long",
  AvailabilityPct: "real",
  Locations: "long",
  P95Ms: "real",
} as const satisfies ColumnSpec;

export interface AvailabilityFigures {
  test: string;
  runs: number;
  failedRuns: number;
  availabilityPct: number | null;
  locations: number;
  p95Ms: number | null;
}

export function mapAvailability(result: LogsQueryResult): Outcome<AvailabilityFigures[]> {
  const rows = mapResultRows(AVAILABILITY_QUERY, result, AVAILABILITY_COLUMNS);
  if (rows.kind !== "ok") return rows;
  return {
    kind: "ok",
    value: rows.value.map((row) => ({
      test: row.Name,
      runs: row.Runs ?? 0,
      failedRuns: row.FailedRuns ?? 0,
      availabilityPct: row.AvailabilityPct,
      locations: row.Locations ?? 0,
      p95Ms: row.P95Ms,
    })),
  };
}
