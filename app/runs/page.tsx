import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/guard";
import { getConfig } from "@/lib/config/config";
import { listRuns, RUNS_PER_PAGE } from "@/lib/runs/list-runs";
import { parseRunFilters, RUN_STATUS_FILTERS } from "@/lib/runs/run-filters";
import { describeGitHubFailure } from "@/lib/runs/describe-failure";
import { Forbidden } from "@/components/forbidden";
import { Notice } from "@/components/notice";
import { PageTitle } from "@/components/page-title";
import { LiveRefresh } from "@/components/live/live-refresh";
import { RunFiltersForm } from "@/components/runs/run-filters-form";
import { RunsTable } from "@/components/runs/runs-table";
import { Pagination } from "@/components/ui/pagination";
import { StaleNotice } from "@/components/ui/stale-notice";

export const metadata: Metadata = { title: "Runs" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RunsPage({ searchParams }: { searchParams: SearchParams }) {
  const access = await requirePagePermission("runs.read", "/runs");
  if (!access.allowed) return <Forbidden message={access.message} />;
  const { workflows } = getConfig().github;
  const workflowFiles = [workflows.ciStaging, workflows.teardown, workflows.productionDeploy];
  const raw = await searchParams;
  const parsed = parseRunFilters(raw, workflowFiles);
  const { filters } = parsed;
  const values = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  ) as Record<string, string | undefined>;

  let body;
  try {
    const view = await listRuns(filters);
    const serverNow = Date.now();
    const filtered = Boolean(
      filters.workflow || filters.branch || filters.status || filters.actor || filters.sha,
    );
    body = (
      <>
        <StaleNotice freshness={view.freshness} />
        <p className="mb-2 text-sm text-slate-600" aria-live="polite">
          {view.totalCount.toLocaleString("en")} run{view.totalCount === 1 ? "" : "s"}
          {filtered ? " match these filters" : ""}
          {view.totalCount > RUNS_PER_PAGE ? ` · ${RUNS_PER_PAGE} per page` : ""}
        </p>
        {view.rows.length === 0 ? (
          <Notice tone="info" title={filtered ? "No runs match these filters" : "No runs yet"}>
            <p>
              {filtered
                ? "Try removing a filter."
                : "Runs appear here when the pipeline's workflows run (a push to the staging branch starts CI)."}
            </p>
          </Notice>
        ) : (
          <RunsTable rows={view.rows} serverNow={serverNow} caption="Pipeline runs, newest first" />
        )}
        <Pagination
          basePath="/runs"
          label="Runs pages"
          query={{
            workflow: filters.workflow,
            branch: filters.branch,
            status: filters.status,
            actor: filters.actor,
            sha: filters.sha,
          }}
          page={filters.page}
          hasNext={view.hasNext}
        />
      </>
    );
  } catch (error) {
    body = (
      <Notice tone="error" title="Runs could not be loaded">
        <p>{describeGitHubFailure(error)}</p>
      </Notice>
    );
  }

  return (
    <>
      <PageTitle subtitle="Every run of the pipeline's workflows, newest first.">Runs</PageTitle>
      <LiveRefresh topics={["runs"]} />
      <RunFiltersForm
        values={values}
        errors={parsed.ok ? {} : parsed.errors}
        workflows={workflowFiles}
        statuses={RUN_STATUS_FILTERS}
      />
      {body}
    </>
  );
}
