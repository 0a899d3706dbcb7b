import type { ServiceName } from "./profiles";
import type { TelemetryDeployment } from "./types";

export type Environment = TelemetryDeployment["environment"];

/** Half-open `[start, end)` in epoch milliseconds. */
export interface TimeRange {
  start: number;
  end: number;
}

// Rows in the shape of the workspace tables, limited to the columns the queries read.
export interface RequestRow {
  TimeGenerated: number;
  AppRoleName: ServiceName;
  Name: string;
  Success: boolean;
  ResultCode: string;
  DurationMs: number;
  ItemCount: number;
}
export interface ExceptionRow {
  TimeGenerated: number;
  AppRoleName: ServiceName;
  ExceptionType: string;
  ProblemId: string;
  OuterMessage: string;
  ItemCount: number;
}
export interface DependencyRow {
  TimeGenerated: number;
  AppRoleName: ServiceName;
  DependencyType: string;
  Target: string;
  Name: string;
  Success: boolean;
  DurationMs: number;
  ItemCount: number;
}
export interface AvailabilityRow {
  TimeGenerated: number;
  Name: string;
  Location: string;
  Success: boolean;
  DurationMs: number;
  ItemCount: number;
}
