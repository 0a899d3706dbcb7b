import type { HistoryEntry } from "@/lib/environments/production-history";
import { rollbacksByCorrelationId } from "./get-rollback-operations";

export interface RollbackNoteView {
  actor: string;
  reason: string;
  fromSha: string | null;
  incidentUrl: string | null;
}

/** Who rolled back and why, for the history's rollbacks that Release Desk started (our record). */
export async function rollbackNotes(entries: HistoryEntry[]): Promise<Record<string, RollbackNoteView>> {
  const ids = entries.flatMap((e) =>
    e.kind === "rollback" && e.payload.correlationId ? [e.payload.correlationId] : [],
  );
  const found = await rollbacksByCorrelationId(ids);
  return Object.fromEntries(
    [...found].map(([id, op]) => [
      id,
      { actor: op.actor, reason: op.reason, fromSha: op.fromSha, incidentUrl: op.incidentUrl },
    ]),
  );
}
