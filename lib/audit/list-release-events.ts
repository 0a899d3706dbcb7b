import { getPrisma } from "@/lib/db/client";

export interface AuditEventView {
  id: string;
  occurredAtIso: string;
  actor: string;
  actorRoles: string[];
  action: string;
  outcome: string;
  reason: string | null;
}

/** The audit trail of one release, newest first (bounded: a release has a handful of events). */
export async function listReleaseEvents(sha: string, limit = 100): Promise<AuditEventView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.auditEvent.findMany({
    where: { sha },
    orderBy: { occurredAt: "desc" },
    take: limit,
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    occurredAtIso: r.occurredAt.toISOString(),
    actor: r.actor,
    actorRoles: r.actorRoles,
    action: r.action,
    outcome: r.outcome,
    reason: r.reason,
  }));
}
