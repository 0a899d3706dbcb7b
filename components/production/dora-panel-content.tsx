import Link from "next/link";
import type { ReactNode } from "react";
import { DORA_PERIOD_PARAM, DORA_PERIODS, type DoraPeriodDays } from "@/lib/dora/dora-period";
import { formatFrequency, formatRate, formatSpan } from "@/lib/dora/format-dora";
import type { DoraView } from "@/lib/dora/read-dora";
import { DORA_MAX_COMPARES, DORA_MAX_PAGES, DORA_PAGE_SIZE } from "@/lib/dora/read-dora";
import { Notice } from "@/components/notice";

const day = (iso: string) => iso.slice(0, 10);
const plural = (n: number, word: string, many = `${word}s`) =>
  `${n.toLocaleString("en")} ${n === 1 ? word : many}`;

/** The panel's heading and period choice, around whatever state it is in. */
export function DoraPanelFrame({
  periodDays,
  query,
  children,
}: {
  periodDays: DoraPeriodDays;
  /** The page's other URL parameters, kept when the period changes. */
  query: Record<string, string>;
  children: ReactNode;
}) {
  const href = (days: number) => {
    const params = new URLSearchParams(query);
    params.set(DORA_PERIOD_PARAM, String(days));
    return `/production?${params.toString()}`;
  };
  return (
    <section
      aria-labelledby="dora-heading"
      data-testid="dora-panel"
      className="mb-6 rounded border border-slate-200 bg-white p-4"
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="dora-heading" className="text-lg font-semibold">
          DORA metrics <span className="font-normal text-slate-600">· last {periodDays} days</span>
        </h2>
        <nav aria-label="DORA period">
          <ul className="flex gap-1">
            {DORA_PERIODS.map((days) => (
              <li key={days}>
                <Link
                  href={href(days)}
                  scroll={false}
                  aria-current={days === periodDays ? "true" : undefined}
                  className={`rounded px-2 py-1 text-sm ${
                    days === periodDays
                      ? "bg-slate-900 text-white"
                      : "border border-slate-300 text-slate-700 hover:bg-slate-50"
                  }`}
                >
                  {days} days
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {children}
    </section>
  );
}

function Metric({
  title,
  figure,
  detail,
  definition,
}: {
  title: string;
  figure: string;
  detail: ReactNode;
  definition: string;
}) {
  return (
    <div className="rounded border border-slate-200 p-3">
      <dt className="text-sm font-medium text-slate-700">{title}</dt>
      <dd className="mt-1">
        <p className="text-2xl font-semibold tabular-nums">{figure}</p>
        <p className="text-xs text-slate-700">{detail}</p>
        <p className="mt-2 text-xs text-slate-600">{definition}</p>
      </dd>
    </div>
  );
}

export function DoraPanelContent({ view, query }: { view: DoraView; query: Record<string, string> }) {
  const { figures } = view;
  const { deploymentFrequency: df, leadTime: lt, changeFailRate: cfr, recovery } = figures;
  const leadNotes = [
    lt.deploysWithUnknownCommits > 0
      ? `commits of ${plural(lt.deploysWithUnknownCommits, "deploy")} not known`
      : null,
    view.comparesSkipped > 0 ? `only the newest ${DORA_MAX_COMPARES} release deploys compared` : null,
    view.comparesFailed > 0 ? `${plural(view.comparesFailed, "comparison")} failed on GitHub` : null,
    view.comparesTruncated > 0
      ? `${plural(view.comparesTruncated, "deploy")} brought more than 250 commits; the first 250 counted`
      : null,
  ].filter((n): n is string => n !== null);
  return (
    <DoraPanelFrame periodDays={view.periodDays} query={query}>
      <p className="mb-3 text-xs text-slate-600">
        Production deployments created {day(view.windowStartIso)} – {day(view.windowEndIso)} (UTC); figures
        are recomputed at most once a minute.
      </p>
      {view.freshness.stale ? (
        <div className="mb-3">
          <Notice tone="warning" title="Figures from the last data GitHub gave">
            <p>
              GitHub did not answer ({view.freshness.error ?? "unavailable"}); deployments as of{" "}
              {view.freshness.fetchedAtIso.replace("T", " ").replace(/\.\d+Z$/, " UTC")}.
            </p>
          </Notice>
        </div>
      ) : null}
      {view.capped ? (
        <div className="mb-3">
          <Notice tone="warning" title={`Only part of the last ${view.periodDays} days`}>
            <p>
              Only the newest {DORA_MAX_PAGES * DORA_PAGE_SIZE} production deployments are read, and they
              reach back to {day(view.windowStartIso)} only: the figures cover that shorter window.
            </p>
          </Notice>
        </div>
      ) : null}
      {figures.deploymentsInWindow === 0 ? (
        <Notice tone="info" title={`No production deployments in the last ${view.periodDays} days`}>
          <p>There is nothing to measure yet; choose a longer period or come back after the next release.</p>
        </Notice>
      ) : (
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Metric
            title="Deployment frequency"
            figure={formatFrequency(df.perDay)}
            detail={`${plural(df.deploys, "release deploy")} in ${Math.round(df.days)} days`}
            definition="Release deploys that production ran (reported success, or ran until a newer one replaced it). Rollbacks and failed deploys are not counted."
          />
          <Metric
            title="Change lead time"
            figure={formatSpan(lt.medianMs)}
            detail={
              <>
                median of {plural(lt.changes, "commit")}
                {leadNotes.length > 0 ? ` · ${leadNotes.join(" · ")}` : ""}
              </>
            }
            definition="Median time from a commit (committer date) to the success of the release deploy that first put it in production. A deploy's commits are those it brought over what production ran before it; merge commits are left out."
          />
          <Metric
            title="Change fail rate"
            figure={formatRate(cfr.rate)}
            detail={
              cfr.deploys === 0
                ? "no release deploy has finished"
                : `${cfr.failures} of ${plural(cfr.deploys, "release deploy")} failed or were rolled back`
            }
            definition="Share of finished release deploys that failed, or whose next production deployment was a rollback (by a lead or the pipeline's auto-rollback). A release replaced by a newer one is not a failure; rejected releases never reach production."
          />
          <Metric
            title="Failed deployment recovery time"
            figure={formatSpan(recovery.medianMs)}
            detail={
              recovery.recovered + recovery.unrecovered === 0
                ? "no failed deploys"
                : `median of ${plural(recovery.recovered, "recovery", "recoveries")}${
                    recovery.unrecovered > 0 ? ` · ${recovery.unrecovered} not yet recovered` : ""
                  }`
            }
            definition="Median time from the start of a failed or rolled-back release deploy to the success of the next deployment production ran (a rollback, the auto-rollback, or a fix)."
          />
        </dl>
      )}
    </DoraPanelFrame>
  );
}
