import type { Urls } from "../../urls";
import { jobStateAt, type JobPlan } from "../../world/run-plan";
import type { Attempt, Run } from "../../world/types";
import { workflowByKey } from "../../world/workflow-defs";
import type { World } from "../../world/world";
import { nodeId } from "./node-id";
import { iso, isoOrNull } from "./time";

/** `job` at world time `at`. */
export function jobShape(urls: Urls, world: World, run: Run, attempt: Attempt, job: JobPlan, at: number) {
  const full = `${world.owner}/${world.name}`;
  const id = world.runs.jobId(run, attempt.number, job.index);
  const state = jobStateAt(job, at);
  const started = job.startedAt !== null && at >= job.startedAt;
  const runner = started && job.conclusion !== "skipped";
  const created = job.queuedAt ?? attempt.startedAt;
  return {
    id,
    run_id: run.id,
    workflow_name: workflowByKey(run.workflow).name,
    head_branch: run.headBranch,
    run_url: `${urls.api}/repos/${full}/actions/runs/${run.id}`,
    run_attempt: attempt.number,
    node_id: nodeId("CheckRun", id),
    head_sha: run.headSha,
    url: `${urls.api}/repos/${full}/actions/jobs/${id}`,
    html_url: `${urls.web}/${full}/actions/runs/${run.id}/job/${id}`,
    status: state.status,
    conclusion: state.conclusion,
    created_at: iso(created),
    // GitHub reports a queued job's started_at as its creation time.
    started_at: iso(started ? (job.startedAt as number) : created),
    completed_at: state.status === "completed" ? isoOrNull(job.completedAt) : null,
    name: job.name,
    steps: (state.status === "queued" || state.status === "waiting" ? [] : job.steps).map((s) => {
      const done = s.completedAt !== null && at >= s.completedAt;
      const running = s.startedAt !== null && at >= s.startedAt;
      return {
        name: s.name,
        status: done ? "completed" : running ? "in_progress" : "queued",
        conclusion: done ? s.conclusion : null,
        number: s.number,
        started_at: running ? isoOrNull(s.startedAt) : null,
        completed_at: done ? isoOrNull(s.completedAt) : null,
      };
    }),
    check_run_url: `${urls.api}/repos/${full}/check-runs/${id}`,
    labels: ["ubuntu-latest"],
    runner_id: runner ? 1000 + (id % 50) : null,
    runner_name: runner ? `GitHub Actions ${1000 + (id % 50)}` : null,
    runner_group_id: runner ? 2 : null,
    runner_group_name: runner ? "GitHub Actions" : null,
  };
}
