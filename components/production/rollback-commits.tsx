import type { CommitList } from "@/lib/releases/get-rollback-plan";
import { ShortSha } from "@/components/ui/short-sha";

/** One side of what a rollback changes: the commits it takes away, or brings back. */
export function RollbackCommits({
  heading,
  list,
  empty,
}: {
  heading: string;
  list: CommitList | null;
  empty: string | null;
}) {
  if ((!list || list.commits.length === 0) && empty === null) return null;
  return (
    <section className="mb-6">
      <h2 className="mb-2 text-lg font-semibold">
        {heading}
        {list ? ` (${list.count})` : ""}
      </h2>
      {!list || list.commits.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <>
          <ol
            aria-label={heading}
            className="divide-y divide-slate-100 rounded border border-slate-200 bg-white text-sm"
          >
            {list.commits.map((c) => (
              <li key={c.sha} className="flex flex-wrap gap-2 px-3 py-2">
                <ShortSha sha={c.sha} href={c.htmlUrl} />
                <span>{c.message}</span>
                <span className="text-slate-600">{c.author ? `by ${c.author}` : ""}</span>
              </li>
            ))}
          </ol>
          {list.truncated ? (
            <p className="mt-1 text-xs text-slate-600">GitHub lists the first 250 commits only.</p>
          ) : null}
        </>
      )}
    </section>
  );
}
