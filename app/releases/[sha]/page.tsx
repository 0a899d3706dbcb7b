import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listReleaseEvents } from "@/lib/audit/list-release-events";
import { getAcceptance } from "@/lib/releases/get-acceptance";
import { getRelease } from "@/lib/releases/get-release";
import { describeGitHubFailure } from "@/lib/runs/describe-failure";
import { repoWebUrl } from "@/lib/runs/list-runs";
import { Forbidden } from "@/components/forbidden";
import { HealthPanel } from "@/components/health/health-panel";
import { HealthPanelFallback } from "@/components/health/health-panel-fallback";
import { AcceptanceSection } from "@/components/releases/acceptance-section";
import { Notice } from "@/components/notice";
import { PageTitle } from "@/components/page-title";
import { RunsTable } from "@/components/runs/runs-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { ShortSha } from "@/components/ui/short-sha";
import { LiveRefresh } from "@/components/live/live-refresh";
import { StaleNotice } from "@/components/ui/stale-notice";
import { StatusBadge } from "@/components/ui/status-badge";
import { giveUpStepAction, retryStepAction } from "@/app/operations/actions";
import { acceptReleaseAction, rejectReleaseAction } from "./actions";

export const metadata: Metadata = { title: "Release" };

const STAGING_HEALTH_WINDOW_MINUTES = 60;

export default async function ReleasePage({ params }: { params: Promise<{ sha: string }> }) {
  const { sha } = await params;
  const access = await requirePagePermission("releases.read", `/releases/${sha}`);
  if (!access.allowed) return <Forbidden message={access.message} />;
  if (!/^[0-9a-f]{40}$/.test(sha)) notFound();

  let release;
  try {
    release = await getRelease(sha);
  } catch (error) {
    return (
      <>
        <PageTitle>Release</PageTitle>
        <Notice tone="error" title="This release could not be loaded">
          <p>{describeGitHubFailure(error)}</p>
        </Notice>
      </>
    );
  }
  const base = repoWebUrl();
  const serverNow = Date.now();
  const mayReadAudit = can(access.viewer.roles, "audit.read");
  const [events, acceptance] = await Promise.all([
    mayReadAudit ? listReleaseEvents(sha) : Promise.resolve([]),
    getAcceptance(sha),
  ]);
  const roles = access.viewer.roles;
  const subject = release.comparison.commits.at(-1)?.message ?? "";

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/" className="text-blue-800 underline">
          ← Overview
        </Link>
      </p>
      <PageTitle subtitle={<ShortSha sha={sha} href={`${base}/commit/${sha}`} />}>
        Release {sha.slice(0, 7)} {subject ? `· ${subject}` : ""}
      </PageTitle>
      {/* Operation steps move with `operations`; staging, the PR and the CI run with the others. */}
      <LiveRefresh topics={["runs", "deployments", "pulls", "operations"]} />
      <StaleNotice freshness={release.freshness} />
      {!release.isCurrentCandidate ? (
        <div className="mb-4">
          <Notice tone="warning" title="This is not the release in staging now">
            <p>
              Staging runs{" "}
              {release.currentStagingSha ? (
                <Link href={`/releases/${release.currentStagingSha}`} className="underline">
                  {release.currentStagingSha.slice(0, 7)}
                </Link>
              ) : (
                "nothing"
              )}
              .
            </p>
          </Notice>
        </div>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        <section
          aria-labelledby="staging-heading"
          className="rounded border border-slate-200 bg-white p-4"
          data-testid="release-staging"
        >
          <h2 id="staging-heading" className="mb-3 text-lg font-semibold">
            Staging
          </h2>
          {release.staging ? (
            <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
              <dt className="text-slate-600">State</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <StatusBadge tone={release.staging.state.tone}>{release.staging.state.label}</StatusBadge>
                {release.staging.state.sinceIso ? (
                  <span className="text-slate-600">
                    since <RelativeTime iso={release.staging.state.sinceIso} serverNow={serverNow} />
                  </span>
                ) : null}
              </dd>
              <dt className="text-slate-600">Namespace</dt>
              <dd className="font-mono text-xs">{release.staging.namespace ?? "—"}</dd>
              <dt className="text-slate-600">Images</dt>
              <dd>
                <ul className="space-y-1" aria-label="Image digests">
                  {Object.entries(release.staging.images).map(([service, digest]) => (
                    <li key={service} className="text-xs">
                      <span className="font-medium">{service}</span>{" "}
                      <span className="font-mono break-all text-slate-700" title={digest}>
                        {digest.slice(0, 19)}…
                      </span>
                    </li>
                  ))}
                </ul>
              </dd>
            </dl>
          ) : (
            <p className="text-sm text-slate-600">This SHA has no staging deployment.</p>
          )}
        </section>

        <section aria-labelledby="pull-heading" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="pull-heading" className="mb-3 text-lg font-semibold">
            Pull request
          </h2>
          {release.pull ? (
            <div className="space-y-2 text-sm">
              <p>
                <a href={release.pull.htmlUrl} className="text-blue-800 underline">
                  #{release.pull.number} {release.pull.title}
                </a>
              </p>
              <p>
                {release.pull.headMatches ? (
                  <StatusBadge tone="success">Head is this release</StatusBadge>
                ) : (
                  <StatusBadge tone="warning">
                    Head moved on to {release.pull.headSha.slice(0, 7)} since this release
                  </StatusBadge>
                )}
              </p>
            </div>
          ) : (
            <p className="text-sm text-slate-600">
              No open pull request from the staging branch to production. Accepting the release opens one, as
              the reviewer, and merges it.
            </p>
          )}
        </section>
      </div>

      <h2 className="mt-6 mb-2 text-lg font-semibold">
        Commits since production ({release.comparison.aheadBy})
      </h2>
      {release.comparison.commits.length === 0 ? (
        <p className="text-sm text-slate-600">Production already contains this release.</p>
      ) : (
        <ol
          className="divide-y divide-slate-100 rounded border border-slate-200 bg-white text-sm"
          aria-label="Commits"
        >
          {release.comparison.commits.map((c) => (
            <li key={c.sha} className="flex flex-wrap gap-2 px-3 py-2">
              <ShortSha sha={c.sha} href={c.htmlUrl} />
              <span>{c.message}</span>
              <span className="text-slate-600">{c.author ? `by ${c.author}` : ""}</span>
            </li>
          ))}
        </ol>
      )}
      {release.comparison.truncated ? (
        <p className="mt-1 text-xs text-slate-600">GitHub lists the first 250 commits only.</p>
      ) : null}

      <h2 className="mt-6 mb-2 text-lg font-semibold">CI run</h2>
      {release.ciRun ? (
        <RunsTable
          rows={[release.ciRun]}
          serverNow={serverNow}
          caption="The CI and staging run of this release"
        />
      ) : (
        <p className="text-sm text-slate-600">No CI run found for this SHA.</p>
      )}

      <div className="mt-6">
        <Suspense fallback={<HealthPanelFallback environment="staging" />}>
          <HealthPanel environment="staging" windowMinutes={STAGING_HEALTH_WINDOW_MINUTES} />
        </Suspense>
      </div>

      <h2 className="mt-6 mb-2 text-lg font-semibold">Acceptance</h2>
      <AcceptanceSection
        sha={sha}
        acceptance={acceptance}
        isCurrentCandidate={release.isCurrentCandidate}
        production={release.production}
        serverNow={serverNow}
        actions={{
          accept: can(roles, "release.accept") ? acceptReleaseAction : null,
          reject: can(roles, "release.reject") ? rejectReleaseAction : null,
          retry: can(roles, "operations.retry") ? retryStepAction : null,
          giveUp: can(roles, "operations.retry") ? giveUpStepAction : null,
        }}
      />

      <h2 className="mt-6 mb-2 text-lg font-semibold">Audit trail</h2>
      {!mayReadAudit ? (
        <p className="text-sm text-slate-600">Your roles do not include reading the audit log.</p>
      ) : events.length === 0 ? (
        <p className="text-sm text-slate-600">No decisions or actions recorded for this release yet.</p>
      ) : (
        <ol className="space-y-1 text-sm" aria-label="Audit trail">
          {events.map((e) => (
            <li key={e.id}>
              <RelativeTime iso={e.occurredAtIso} serverNow={serverNow} /> — {e.actor} (
              {e.actorRoles.join(", ")}) {e.action}: {e.outcome}
              {e.reason ? ` — ${e.reason}` : ""}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
