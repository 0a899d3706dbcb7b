import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/guard";
import { GitHubError } from "@/lib/github/errors";
import { getRunDetail } from "@/lib/runs/get-run-detail";
import { describeGitHubFailure } from "@/lib/runs/describe-failure";
import { formatDuration } from "@/lib/runs/run-status";
import { Forbidden } from "@/components/forbidden";
import { Notice } from "@/components/notice";
import { PageTitle } from "@/components/page-title";
import { LiveRefresh } from "@/components/live/live-refresh";
import { JobTimeline } from "@/components/runs/job-timeline";
import { RelativeTime } from "@/components/ui/relative-time";
import { ShortSha } from "@/components/ui/short-sha";
import { StaleNotice } from "@/components/ui/stale-notice";
import { StatusBadge } from "@/components/ui/status-badge";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requirePagePermission("runs.read", `/runs/${id}`);
  if (!access.allowed) return <Forbidden message={access.message} />;
  if (!/^\d{1,15}$/.test(id)) notFound();

  let detail;
  try {
    detail = await getRunDetail(Number(id));
  } catch (error) {
    if (error instanceof GitHubError && error.kind === "not-found") notFound();
    return (
      <Notice tone="error" title="This run could not be loaded">
        <p>{describeGitHubFailure(error)}</p>
      </Notice>
    );
  }
  const { run } = detail;
  const serverNow = Date.now();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/runs" className="text-blue-800 underline">
          ← All runs
        </Link>
      </p>
      <PageTitle
        subtitle={`${run.workflow} · run ${run.id}${run.attempt > 1 ? ` · attempt ${run.attempt}` : ""}`}
      >
        {run.title}
      </PageTitle>
      <LiveRefresh topics={["runs"]} />
      <StaleNotice freshness={detail.freshness} />
      <dl className="mb-6 grid grid-cols-2 gap-x-6 gap-y-3 rounded border border-slate-200 bg-white p-4 text-sm md:grid-cols-4">
        <div>
          <dt className="text-slate-600">Status</dt>
          <dd>
            <StatusBadge tone={run.status.tone}>{run.status.label}</StatusBadge>
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Commit</dt>
          <dd>
            <ShortSha sha={run.sha} href={run.commitUrl} /> on{" "}
            <span className="font-mono">{run.branch ?? "—"}</span>
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Triggered</dt>
          <dd>
            {run.event} by {run.actor ?? "—"},{" "}
            {run.startedAt ? <RelativeTime iso={run.startedAt} serverNow={serverNow} /> : "not started"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Duration</dt>
          <dd>{formatDuration(detail.totalSeconds)}</dd>
        </div>
        <div className="col-span-2 md:col-span-4">
          <a href={run.htmlUrl} className="text-blue-800 underline">
            Open this run on GitHub
          </a>
        </div>
      </dl>

      <h2 className="mb-2 text-lg font-semibold">Jobs</h2>
      {detail.jobs.length === 0 ? (
        <Notice tone="info" title="No jobs yet">
          <p>GitHub has not started this run's jobs.</p>
        </Notice>
      ) : (
        <JobTimeline jobs={detail.jobs} totalSeconds={detail.totalSeconds} />
      )}

      <h2 className="mt-6 mb-2 text-lg font-semibold">Deployments created by this run</h2>
      {detail.deployments.length === 0 ? (
        <p className="text-sm text-slate-600">This run has not created a deployment.</p>
      ) : (
        <ul className="space-y-2" aria-label="Deployments">
          {detail.deployments.map((d) => (
            <li
              key={d.id}
              className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
            >
              <span className="font-medium capitalize">{d.environment}</span>
              <StatusBadge tone={d.state.tone}>{d.state.label}</StatusBadge>
              {d.namespace ? <span className="font-mono text-xs">namespace {d.namespace}</span> : null}
              <span className="font-mono text-xs">{d.sha.slice(0, 7)}</span>
              {d.state.description ? <span className="text-slate-600">{d.state.description}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
