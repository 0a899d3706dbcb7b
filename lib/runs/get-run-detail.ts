import { getConfig } from "@/lib/config/config";
import { combineFreshness, freshnessOf } from "@/lib/github/freshness";
import { getWorkflowRun } from "@/lib/github/get-workflow-run";
import { listDeployments } from "@/lib/github/list-deployments";
import { listRunJobs } from "@/lib/github/list-run-jobs";
import { repoRef, serverGitHub } from "@/lib/server/github";
import { repoWebUrl } from "./list-runs";
import { toRunRow, type RunRow } from "./run-row";
import { durationSeconds, runStatus, type StatusView } from "./run-status";
import { deploymentState, type DeploymentStateView } from "@/lib/environments/deployment-state";
import { pipelinePayload } from "@/lib/environments/deployment-payload";

export interface StepView {
  number: number;
  name: string;
  status: StatusView;
  durationSeconds: number | null;
}

export interface JobView {
  id: number;
  name: string;
  status: StatusView;
  htmlUrl: string | null;
  /** Offsets from the run's start, for the timeline. */
  startOffsetSeconds: number | null;
  durationSeconds: number | null;
  steps: StepView[];
}

export interface RunDeploymentView {
  id: number;
  environment: string;
  sha: string;
  state: DeploymentStateView;
  namespace: string | null;
}

export interface RunDetail {
  run: RunRow;
  jobs: JobView[];
  deployments: RunDeploymentView[];
  totalSeconds: number | null;
  freshness: { stale: boolean; fetchedAtIso: string; error?: string };
}

/** A run with its jobs and steps as a timeline, and the deployments it created. */
export async function getRunDetail(runId: number): Promise<RunDetail> {
  const gh = serverGitHub();
  const { owner, repo } = repoRef();
  const { environments } = getConfig().github;
  const [run, jobs, staging, production] = await Promise.all([
    getWorkflowRun(gh, { owner, repo, run_id: runId }),
    listRunJobs(gh, { owner, repo, run_id: runId }),
    listDeployments(gh, { owner, repo, environment: environments.staging, per_page: 10 }),
    listDeployments(gh, { owner, repo, environment: environments.production, per_page: 10 }),
  ]);
  const row = toRunRow(run.data, repoWebUrl());
  const runStart = row.startedAt ? Date.parse(row.startedAt) : null;
  const jobViews: JobView[] = jobs.data.jobs.map((job) => ({
    id: Number(job.id),
    name: job.name,
    status: runStatus(job.status, job.conclusion),
    htmlUrl: job.html_url,
    startOffsetSeconds:
      runStart !== null && job.started_at
        ? Math.max(0, Math.round((Date.parse(job.started_at) - runStart) / 1000))
        : null,
    durationSeconds: durationSeconds(job.started_at, job.completed_at),
    steps: (job.steps ?? []).map((step) => ({
      number: step.number,
      name: step.name,
      status: runStatus(step.status, step.conclusion),
      durationSeconds: durationSeconds(step.started_at, step.completed_at),
    })),
  }));
  const marker = `/actions/runs/${runId}`;
  const deployments = [...staging.data.deployments, ...production.data.deployments]
    .filter(({ deployment, latestStatus }) => {
      const fromPayload = pipelinePayload(deployment).runId === runId;
      return fromPayload || (latestStatus?.log_url ?? "").includes(marker);
    })
    .map(({ deployment, latestStatus }) => {
      const payload = pipelinePayload(deployment);
      return {
        id: Number(deployment.id),
        environment: deployment.environment,
        sha: deployment.sha,
        state: deploymentState(
          latestStatus,
          deployment.environment === environments.production ? "production" : "staging",
        ),
        namespace: payload.namespace,
      };
    });
  const freshness = combineFreshness([
    freshnessOf(run),
    freshnessOf(jobs),
    freshnessOf(staging),
    freshnessOf(production),
  ]);
  const ends = jobViews.map((j) => (j.startOffsetSeconds ?? 0) + (j.durationSeconds ?? 0));
  return {
    run: row,
    jobs: jobViews,
    deployments,
    totalSeconds: row.durationSeconds ?? (ends.length ? Math.max(...ends) : null),
    freshness: {
      stale: freshness.stale,
      fetchedAtIso: freshness.fetchedAt.toISOString(),
      ...(freshness.stale ? { error: freshness.error } : {}),
    },
  };
}
