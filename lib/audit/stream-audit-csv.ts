import { AUDIT_CSV_COLUMNS, auditCsvLine, csvLine } from "./audit-csv";
import { parseAuditCursor, type AuditFilters } from "./audit-filters";
import { listAuditEvents, type AuditReader } from "./list-audit-events";

const BATCH = 500;

/**
 * Every event matching the filters as CSV, newest first, read in keyset batches as the client takes
 * them: memory stays at one batch however large the log. Events written meanwhile are newer than the
 * first batch and so are never half-included.
 */
export function streamAuditCsv(
  filters: Omit<AuditFilters, "before" | "after">,
  { db, batchSize = BATCH }: { db?: AuditReader; batchSize?: number } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let before: string | null | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(AUDIT_CSV_COLUMNS)));
    },
    async pull(controller) {
      const position = before ? parseAuditCursor(before) : undefined;
      const page = await listAuditEvents(position ? { ...filters, before: position } : filters, {
        pageSize: batchSize,
        db,
      });
      if (page.rows.length > 0) controller.enqueue(encoder.encode(page.rows.map(auditCsvLine).join("")));
      before = page.older;
      if (!page.older) controller.close();
    },
  });
}
