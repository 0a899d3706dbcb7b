import Link from "next/link";

/** Newest / newer / older links over keyset positions, keeping the filters. */
export function AuditPageLinks({
  query,
  newer,
  older,
}: {
  query: Record<string, string | undefined>;
  newer: string | null;
  older: string | null;
}) {
  const href = (position?: { before?: string; after?: string }) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    if (position?.before) params.set("before", position.before);
    if (position?.after) params.set("after", position.after);
    const qs = params.toString();
    return qs ? `/audit?${qs}` : "/audit";
  };
  const linkClass = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  if (!newer && !older) return null;
  return (
    <nav aria-label="Audit pages" className="mt-4 flex items-center gap-3">
      {newer ? (
        <>
          <Link href={href()} className={linkClass}>
            ⇤ Newest
          </Link>
          <Link href={href({ after: newer })} className={linkClass} rel="prev">
            ← Newer
          </Link>
        </>
      ) : null}
      {older ? (
        <Link href={href({ before: older })} className={linkClass} rel="next">
          Older →
        </Link>
      ) : null}
    </nav>
  );
}
