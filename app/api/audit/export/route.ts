import { NextResponse } from "next/server";
import { requestId, withPermission } from "@/lib/auth/guard";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { streamAuditCsv } from "@/lib/audit/stream-audit-csv";

// Every export reads the log as it is now, for this person.
export const dynamic = "force-dynamic";

/** The events /audit shows for the same filters, all of them (not one page), as a CSV download. */
export const GET = withPermission("audit.export", async (request, _context, viewer) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = parseAuditFilters(params);
  if (!parsed.ok) {
    return NextResponse.json({ error: "invalid_filters", errors: parsed.errors }, { status: 400 });
  }
  // A page position narrows the page, not the export.
  const { before: _before, after: _after, ...filters } = parsed.filters;
  const { before: _b, after: _a, ...values } = parsed.values;
  // Reading the whole log out is itself worth a line in it.
  await recordAuditEvent({
    actor: viewer.login,
    actorRoles: viewer.roles,
    action: "audit.export",
    targetType: "audit",
    targetId: "csv",
    // The download may still fail or be abandoned once streaming has begun.
    outcome: "started",
    requestId: requestId(),
    details: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)),
  });
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const filename = `audit-events${filters.sha ? `-${filters.sha.slice(0, 12)}` : ""}-${stamp}.csv`;
  return new Response(streamAuditCsv(filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
