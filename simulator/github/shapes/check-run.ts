import type { Urls } from "../../urls";
import { jobStateAt, type JobPlan } from "../../world/run-plan";
import type { Attempt, Run } from "../../world/types";
import type { World } from "../../world/world";
import { orgOwner } from "./repository";
import { nodeId } from "./node-id";
import { checkSuiteId } from "./run";
import { iso, isoOrNull } from "./time";

/** The GitHub Actions app, which owns every check run a workflow job creates. */
export function actionsApp(urls: Urls, world: World) {
  return {
    id: 15368,
    slug: "github-actions",
    node_id: "MDM6QXBwMTUzNjg=",
    owner: orgOwner(urls, world),
    name: "GitHub Actions",
    description: "Automate your workflow from idea to production",
    external_url: "https://help.github.com/en/actions",
    html_url: `${urls.web}/apps/github-actions`,
    created_at: "2018-07-30T09:30:17Z",
    updated_at: "2024-04-10T20:33:16Z",
    permissions: {
      actions: "write",
      checks: "write",
      contents: "write",
      deployments: "write",
      metadata: "read",
    },
    events: ["check_run", "check_suite", "deployment", "deployment_status", "push", "workflow_dispatch"],
  };
}

/** `check-run`: on GitHub every job is a check run with the same id. */
export function checkRunShape(
  urls: Urls,
  world: World,
  run: Run,
  attempt: Attempt,
  job: JobPlan,
  at: number,
) {
  const full = `${world.owner}/${world.name}`;
  const id = world.runs.jobId(run, attempt.number, job.index);
  const state = jobStateAt(job, at);
  const status = state.status === "waiting" ? "waiting" : state.status;
  const html = `${urls.web}/${full}/actions/runs/${run.id}/job/${id}`;
  return {
    id,
    name: job.name,
    node_id: nodeId("CheckRun", id),
    head_sha: run.headSha,
    external_id: `${run.id}-${job.index}`,
    url: `${urls.api}/repos/${full}/check-runs/${id}`,
    html_url: html,
    details_url: html,
    status,
    conclusion: state.conclusion,
    started_at: job.startedAt !== null && at >= job.startedAt ? iso(job.startedAt) : null,
    completed_at: status === "completed" ? isoOrNull(job.completedAt) : null,
    output: {
      title: null,
      summary: null,
      text: null,
      annotations_count: 0,
      annotations_url: `${urls.api}/repos/${full}/check-runs/${id}/annotations`,
    },
    check_suite: { id: checkSuiteId(run, attempt) },
    app: actionsApp(urls, world),
    pull_requests: [],
  };
}
