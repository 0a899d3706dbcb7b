import type { WorkflowRun } from "@/lib/github/list-workflow-runs";
import { durationSeconds, runStatus, type StatusView } from "./run-status";

/** One run as the pages show it. */
export interface RunRow {
  id: number;
  workflow: string;
  title: string;
  status: StatusView;
  rawStatus: string | null;
  conclusion: string | null;
  branch: string | null;
  event: string;
  actor: string | null;
  sha: string;
  commitUrl: string;
  htmlUrl: string;
  createdAt: string;
  startedAt: string | null;
  durationSeconds: number | null;
  attempt: number;
}

/** `commitBase` is the repository's web URL, e.g. https://github.com/acme/shop. */
export function toRunRow(run: WorkflowRun, commitBase: string): RunRow {
  const started = run.run_started_at ?? run.created_at;
  const finished = run.status === "completed" ? run.updated_at : null;
  return {
    // int64 ids are typed number | bigint; GitHub's run ids are far below 2^53.
    id: Number(run.id),
    workflow: run.name ?? run.path,
    title: run.display_title,
    status: runStatus(run.status, run.conclusion),
    rawStatus: run.status,
    conclusion: run.conclusion,
    branch: run.head_branch,
    event: run.event,
    actor: run.triggering_actor?.login ?? run.actor?.login ?? null,
    sha: run.head_sha,
    commitUrl: `${commitBase}/commit/${run.head_sha}`,
    htmlUrl: run.html_url,
    createdAt: run.created_at,
    startedAt: started,
    durationSeconds: durationSeconds(started, finished),
    attempt: run.run_attempt ?? 1,
  };
}
