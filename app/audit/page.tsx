import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { listAuditActions } from "@/lib/audit/list-audit-actions";
import { AUDIT_PAGE_SIZE, countAuditEvents, listAuditEvents } from "@/lib/audit/list-audit-events";
import { AuditFiltersForm } from "@/components/audit/audit-filters-form";
import { AuditPageLinks } from "@/components/audit/audit-page-links";
import { AuditTable } from "@/components/audit/audit-table";
import { Forbidden } from "@/components/forbidden";
import { Notice } from "@/components/notice";
import { PageTitle } from "@/components/page-title";

export const metadata: Metadata = { title: "Audit" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTER_KEYS = ["actor", "action", "sha", "from", "to"] as const;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const access = await requirePagePermission("audit.read", "/audit");
  if (!access.allowed) return <Forbidden message={access.message} />;
  const raw = await searchParams;
  const typed: Record<string, string | undefined> = {};
  for (const key of FILTER_KEYS) {
    const v = raw[key];
    typed[key] = Array.isArray(v) ? v[0] : v;
  }
  const parsed = parseAuditFilters(raw);
  const actions = await listAuditActions();
  const title = (
    <PageTitle subtitle="Every decision and action, newest first. The log is append-only.">Audit</PageTitle>
  );

  if (!parsed.ok) {
    return (
      <>
        {title}
        <AuditFiltersForm values={typed} errors={parsed.errors} actions={actions} />
        <Notice tone="error" title="These filters cannot be applied">
          <p>
            {Object.values(parsed.errors).join(". ")}. Correct them above, or clear the filters, to see
            events.
          </p>
        </Notice>
      </>
    );
  }

  const { filters, values } = parsed;
  const { before: _before, after: _after, ...matching } = filters;
  const [page, total] = await Promise.all([listAuditEvents(filters), countAuditEvents(matching)]);
  const query: Record<string, string | undefined> = {};
  for (const key of FILTER_KEYS) query[key] = values[key];
  const filtered = FILTER_KEYS.some((k) => values[k]);
  const exportParams = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) exportParams.set(k, v);
  const exportHref = `/api/audit/export${exportParams.size ? `?${exportParams.toString()}` : ""}`;

  return (
    <>
      {title}
      <AuditFiltersForm values={typed} errors={{}} actions={actions} />
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" aria-live="polite" data-testid="audit-count">
          {total.toLocaleString("en")} event{total === 1 ? "" : "s"}
          {filtered ? " match these filters" : ""}
          {total > AUDIT_PAGE_SIZE ? ` · ${AUDIT_PAGE_SIZE} per page` : ""}
        </p>
        {can(access.viewer.roles, "audit.export") ? (
          total > 0 ? (
            // A plain link: the browser downloads the route handler's attachment.
            <a
              href={exportHref}
              download
              className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
            >
              Export {filtered ? "these" : "all"} {total.toLocaleString("en")} event{total === 1 ? "" : "s"}{" "}
              as CSV
            </a>
          ) : null
        ) : (
          <p className="text-xs text-slate-600">Your roles do not allow exporting the log (audit.export).</p>
        )}
      </div>
      {page.rows.length === 0 ? (
        <Notice tone="info" title={filtered ? "No audit events match these filters" : "No audit events yet"}>
          <p>
            {filtered
              ? "Try removing a filter or widening the period."
              : "Sign-ins, release decisions and their operations are recorded here as they happen."}
          </p>
        </Notice>
      ) : (
        <AuditTable rows={page.rows} serverNow={Date.now()} />
      )}
      <AuditPageLinks query={query} newer={page.newer} older={page.older} />
    </>
  );
}
