import type { Metadata } from "next";
import { z } from "zod";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { activeRollback } from "@/lib/releases/get-rollback-operations";
import { rollbackNotes } from "@/lib/releases/rollback-notes";
import { getProductionHistory } from "@/lib/environments/production-history";
import { describeGitHubFailure } from "@/lib/runs/describe-failure";
import { repoWebUrl } from "@/lib/runs/list-runs";
import { Forbidden } from "@/components/forbidden";
import { Notice } from "@/components/notice";
import { PageTitle } from "@/components/page-title";
import { HistoryTable } from "@/components/environments/history-table";
import { DeployHealth } from "@/components/health/deploy-health";
import { Pagination } from "@/components/ui/pagination";
import { ActiveRollbackNotice } from "@/components/production/active-rollback-notice";
import { LiveRefresh } from "@/components/live/live-refresh";
import { StaleNotice } from "@/components/ui/stale-notice";
import { DoraPanel } from "@/components/production/dora-panel";
import { DEFAULT_DORA_PERIOD, DORA_PERIOD_PARAM, parseDoraPeriod } from "@/lib/dora/dora-period";

export const metadata: Metadata = { title: "Production" };

/** Each side of a deploy: long enough to smooth noise, short enough to end before the next deploy. */
const DEPLOY_HEALTH_WINDOW_MINUTES = 30;

const pageSchema = z.coerce.number().int().min(1).max(1000).catch(1);

export default async function ProductionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePagePermission("production.read", "/production");
  if (!access.allowed) return <Forbidden message={access.message} />;
  const params = await searchParams;
  const page = pageSchema.parse(params.page ?? 1);
  // Paging the history keeps the DORA period the person chose.
  const doraDays = parseDoraPeriod(params[DORA_PERIOD_PARAM]);
  let history;
  try {
    history = await getProductionHistory(page);
  } catch (error) {
    return (
      <>
        <PageTitle>Production</PageTitle>
        <Notice tone="error" title="Deployment history could not be loaded">
          <p>{describeGitHubFailure(error)}</p>
        </Notice>
      </>
    );
  }
  const [rollbacks, active] = await Promise.all([rollbackNotes(history.entries), activeRollback()]);
  return (
    <>
      <PageTitle subtitle="Every production deployment: releases merged from testing and rollbacks.">
        Production
      </PageTitle>
      <LiveRefresh topics={["deployments", "runs", "operations"]} />
      <StaleNotice freshness={history.freshness} />
      <DoraPanel searchParams={searchParams} />
      {active ? <ActiveRollbackNotice op={active} /> : null}
      <h2 className="mb-2 text-lg font-semibold">Deployment history</h2>
      {history.entries.length === 0 ? (
        <Notice tone="info" title="No production deployments yet">
          <p>The first merge of testing into main will deploy production and appear here.</p>
        </Notice>
      ) : (
        <HistoryTable
          entries={history.entries}
          commitBase={repoWebUrl()}
          serverNow={Date.now()}
          rollbacks={rollbacks}
          canRollBack={can(access.viewer.roles, "production.rollback")}
          health={{
            heading: `Health ${DEPLOY_HEALTH_WINDOW_MINUTES} min before → after`,
            cell: (entry) => (
              <DeployHealth
                environment="production"
                deployTimeIso={entry.createdAtIso}
                windowMinutes={DEPLOY_HEALTH_WINDOW_MINUTES}
              />
            ),
          }}
        />
      )}
      <Pagination
        basePath="/production"
        label="History pages"
        query={doraDays === DEFAULT_DORA_PERIOD ? {} : { [DORA_PERIOD_PARAM]: String(doraDays) }}
        page={page}
        hasNext={history.hasNext}
      />
    </>
  );
}
