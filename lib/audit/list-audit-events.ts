import { getPrisma } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { auditCursor, type AuditFilters } from "./audit-filters";

export const AUDIT_PAGE_SIZE = 50;

export type AuditReader = Pick<PrismaClient, "auditEvent">;

export interface AuditRow {
  id: string;
  occurredAtIso: string;
  actor: string;
  actorRoles: string[];
  action: string;
  targetType: string;
  targetId: string;
  sha: string | null;
  outcome: string;
  reason: string | null;
  requestId: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  /** `after` value of the page of newer events, or null on the newest page. */
  newer: string | null;
  /** `before` value of the page of older events, or null on the oldest page. */
  older: string | null;
}

/** The filters as a Prisma `where`, without the page position. */
export function auditWhere(f: AuditFilters): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.actor) and.push({ actor: f.actor });
  if (f.action) and.push({ action: f.action });
  if (f.sha) and.push(f.sha.length === 40 ? { sha: f.sha } : { sha: { startsWith: f.sha } });
  if (f.since) and.push({ occurredAt: { gte: f.since } });
  if (f.until) and.push({ occurredAt: { lt: f.until } });
  return { AND: and };
}

/**
 * One page of events matching the filters, newest first (time, then id, so events of the same
 * millisecond keep a fixed order). Pages are keyset positions rather than offsets: the log only
 * grows at the newest end, so paging older never repeats or skips an event while others are written.
 */
export async function listAuditEvents(
  filters: AuditFilters,
  { pageSize = AUDIT_PAGE_SIZE, db }: { pageSize?: number; db?: AuditReader } = {},
): Promise<AuditPage> {
  const reader = db ?? (await getPrisma());
  const where = auditWhere(filters);
  const towardNewer = !filters.before && filters.after !== undefined;
  const position = filters.before ?? filters.after;
  const beyond = (p: { at: Date; id: bigint }): Prisma.AuditEventWhereInput =>
    towardNewer
      ? { OR: [{ occurredAt: { gt: p.at } }, { occurredAt: p.at, id: { gt: p.id } }] }
      : { OR: [{ occurredAt: { lt: p.at } }, { occurredAt: p.at, id: { lt: p.id } }] };
  const positioned: Prisma.AuditEventWhereInput = position ? { AND: [where, beyond(position)] } : where;
  const dir = towardNewer ? "asc" : "desc";
  const found = await reader.auditEvent.findMany({
    where: positioned,
    orderBy: [{ occurredAt: dir }, { id: dir }],
    take: pageSize + 1,
  });
  const more = found.length > pageSize;
  const page = found.slice(0, pageSize);
  if (towardNewer) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  // Coming from a page position, there is always something on the side we came from.
  const hasNewer = towardNewer ? more : position !== undefined;
  const hasOlder = towardNewer ? true : more;
  return {
    rows: page.map((r) => ({
      id: r.id.toString(),
      occurredAtIso: r.occurredAt.toISOString(),
      actor: r.actor,
      actorRoles: r.actorRoles,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      sha: r.sha,
      outcome: r.outcome,
      reason: r.reason,
      requestId: r.requestId,
    })),
    newer: hasNewer && first ? auditCursor(first) : null,
    older: hasOlder && last ? auditCursor(last) : null,
  };
}

/** How many events match the filters (for the page's summary line). */
export async function countAuditEvents(filters: AuditFilters, db?: AuditReader): Promise<number> {
  const reader = db ?? (await getPrisma());
  return reader.auditEvent.count({ where: auditWhere(filters) });
}
