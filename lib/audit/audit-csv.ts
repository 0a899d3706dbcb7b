import type { AuditRow } from "./list-audit-events";

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would read as a formula (starting with = + - @, or a
 * tab or carriage return that some spreadsheets skip before one) is prefixed with a single quote:
 * reasons and logins are free text written by people, and opening the export must not run them.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export const AUDIT_CSV_COLUMNS = [
  "time_utc",
  "actor",
  "actor_roles",
  "action",
  "target_type",
  "target_id",
  "sha",
  "outcome",
  "reason",
  "request_id",
  "event_id",
] as const;

export function auditCsvLine(row: AuditRow): string {
  return csvLine([
    row.occurredAtIso,
    row.actor,
    row.actorRoles.join(" "),
    row.action,
    row.targetType,
    row.targetId,
    row.sha,
    row.outcome,
    row.reason,
    row.requestId,
    row.id,
  ]);
}
