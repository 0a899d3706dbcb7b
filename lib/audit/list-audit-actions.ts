import { getPrisma } from "@/lib/db/client";
import type { AuditReader } from "./list-audit-events";

/** The actions recorded so far, for the filter's choices (GROUP BY runs in the database). */
export async function listAuditActions(db?: AuditReader): Promise<string[]> {
  const reader = db ?? (await getPrisma());
  const groups = await reader.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" }, take: 200 });
  return groups.map((g) => g.action);
}
