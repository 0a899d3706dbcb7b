import Link from "next/link";
import { Suspense } from "react";
import { parseHealthWindow } from "@/lib/health/health-window";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getOverview } from "@/lib/environments/environment-overview";
import { listRuns, repoWebUrl } from "@/lib/runs/list-runs";
import { describeGitHubFailure } from "@/lib/runs/describe-failure";
import { EnvironmentCard } from "@/components/environments/environment-card";
import { EnvironmentHealthRow } from "@/components/health/environment-health-row";
import { HealthPanel } from "@/components/health/health-panel";
import { HealthPanelFallback } from "@/components/health/health-panel-fallback";
import { WindowSelector } from "@/components/health/window-selector";
import { Forbidden } from "@/components/forbidden";
import { Notice } from "@/components/notice";
import { PageTitle } from "@/components/page-title";
import { LiveRefresh } from "@/components/live/live-refresh";
import { RunsTable } from "@/components/runs/runs-table";
import { RollbackOffer } from "@/components/production/rollback-offer";
import { StaleNotice } from "@/components/ui/stale-notice";

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePagePermission("environments.read", "/");
  if (!access.allowed) return <Forbidden message={access.message} />;
  const healthWindow = parseHealthWindow((await searchParams).window);

  let overview;
  let runs;
  try {
    [overview, runs] = await Promise.all([getOverview(), listRuns({ page: 1 }, 8)]);
  } catch (error) {
    return (
      <>
        <PageTitle>Overview</PageTitle>
        <Notice tone="error" title="The overview could not be loaded">
          <p>{describeGitHubFailure(error)}</p>
        </Notice>
      </>
    );
  }
  const serverNow = Date.now();
  const base = repoWebUrl();
  const staging = overview.staging;
  const waiting = staging && staging.state.phase === "ready";
  return (
    <>
      <PageTitle subtitle="Where each environment stands, and what is waiting for a decision.">
        Overview
      </PageTitle>
      <LiveRefresh topics={["runs", "deployments", "pulls"]} />
      <StaleNotice freshness={overview.freshness.stale ? overview.freshness : runs.freshness} />
      <Suspense fallback={null}>
        <RollbackOffer canRollBack={can(access.viewer.roles, "production.rollback")} />
      </Suspense>

      {waiting ? (
        <section
          aria-labelledby="waiting-heading"
          className="mb-6 rounded border border-blue-300 bg-blue-50 p-4"
        >
          <h2 id="waiting-heading" className="font-semibold text-blue-950">
            Release waiting for acceptance
          </h2>
          <p className="mt-1 text-sm text-blue-950">
            <span className="font-mono">{staging.sha.slice(0, 7)}</span> {staging.commit?.message ?? ""} is
            deployed to staging{staging.payload.namespace ? ` (${staging.payload.namespace})` : ""}
            {overview.releasePull ? (
              <>
                {" "}
                with pull request{" "}
                <a href={overview.releasePull.htmlUrl} className="underline">
                  #{overview.releasePull.number}
                </a>
              </>
            ) : null}
            .
          </p>
          <Link
            href={`/releases/${staging.sha}`}
            className="mt-2 inline-block rounded bg-blue-800 px-3 py-1.5 text-sm font-medium text-white"
          >
            Open the release
          </Link>
        </section>
      ) : null}

      <div className="mb-8 grid gap-4 md:grid-cols-2">
        <EnvironmentCard title="Staging" card={staging} commitBase={base} serverNow={serverNow}>
          <EnvironmentHealthRow environment="staging" windowMinutes={healthWindow.minutes} />
        </EnvironmentCard>
        <EnvironmentCard
          title="Production"
          card={overview.production}
          commitBase={base}
          serverNow={serverNow}
        >
          <EnvironmentHealthRow environment="production" windowMinutes={healthWindow.minutes} />
        </EnvironmentCard>
      </div>

      <section aria-labelledby="health-heading" className="mb-8">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="health-heading" className="text-lg font-semibold">
            Application Insights health
          </h2>
          <WindowSelector basePath="/" current={healthWindow.key} />
        </div>
        <div className="grid gap-4">
          {(["staging", "production"] as const).map((environment) => (
            <Suspense
              key={environment}
              fallback={<HealthPanelFallback environment={environment} headingLevel={3} />}
            >
              <HealthPanel environment={environment} windowMinutes={healthWindow.minutes} headingLevel={3} />
            </Suspense>
          ))}
        </div>
      </section>

      <div className="mb-2 flex items-baseline justify-between">
        <h2 className="text-lg font-semibold">Latest runs</h2>
        <Link href="/runs" className="text-sm text-blue-800 underline">
          All runs
        </Link>
      </div>
      {runs.rows.length === 0 ? (
        <p className="text-sm text-slate-600">No runs yet.</p>
      ) : (
        <RunsTable rows={runs.rows} serverNow={serverNow} caption="Latest pipeline runs" />
      )}
    </>
  );
}
