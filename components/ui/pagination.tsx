import Link from "next/link";

/** Previous/next links that keep the page's other query parameters (its filters). */
export function Pagination({
  basePath,
  query,
  page,
  hasNext,
  label,
}: {
  basePath: string;
  query: Record<string, string | undefined>;
  page: number;
  hasNext: boolean;
  label: string;
}) {
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const linkClass = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={label} className="mt-4 flex items-center gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} className={linkClass} rel="prev">
          ← Previous
        </Link>
      ) : null}
      <span className="text-sm text-slate-600">Page {page}</span>
      {hasNext ? (
        <Link href={href(page + 1)} className={linkClass} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
