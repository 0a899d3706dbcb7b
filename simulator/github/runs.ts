import { githubError, json, notFound, validationFailed } from "../http/respond";
import type { Router } from "../http/router";
import type { Simulation } from "../server";
import { attemptStatusAt } from "../world/run-plan";
import { latest } from "../world/runs";
import type { Run } from "../world/types";
import { findWorkflow } from "../world/workflow-defs";
import type { World } from "../world/world";
import { paginate } from "./pagination";
import { repoRoute, type RepoRequest } from "./repo-route";
import { parseRunFilter, queryRuns } from "./run-query";
import { jobShape } from "./shapes/job";
import { runShape } from "./shapes/run";
import { runJson } from "./shapes/run-json";

const COMMA = Buffer.from(",");
const CLOSE = Buffer.from("]}");

export function registerRunRoutes(router: Router, sim: Simulation): void {
  repoRoute(router, sim, "GET", "/actions/runs", "read", (r) => listRuns(r, null));
  repoRoute(router, sim, "GET", "/actions/workflows/:workflow_id/runs", "read", (r) => {
    const wf = findWorkflow(r.req.params.workflow_id ?? "");
    return wf ? listRuns(r, wf.key) : notFound();
  });
  repoRoute(router, sim, "GET", "/actions/runs/:run_id", "read", (r) => {
    const run = findRun(r.world, r.req.params.run_id);
    return run ? json(200, runShape(r.sim.urls, r.world, run, r.now)) : notFound();
  });
  repoRoute(router, sim, "GET", "/actions/runs/:run_id/attempts/:attempt", "read", (r) => {
    const run = findRun(r.world, r.req.params.run_id);
    const attempt = run?.attempts[Number(r.req.params.attempt) - 1];
    return run && attempt ? json(200, runShape(r.sim.urls, r.world, run, r.now, attempt)) : notFound();
  });
  repoRoute(router, sim, "GET", "/actions/runs/:run_id/jobs", "read", listJobs);
  repoRoute(router, sim, "GET", "/actions/runs/:run_id/attempts/:attempt/jobs", "read", listJobs);
  repoRoute(router, sim, "GET", "/actions/jobs/:job_id", "read", (r) => {
    const found = r.world.runs.findJob(Number(r.req.params.job_id));
    const job = found && r.world.runs.plan(found.run, found.attempt).jobs[found.jobIndex];
    if (!found || !job || job.queuedAt === null || job.queuedAt > r.now) return notFound();
    return json(200, jobShape(r.sim.urls, r.world, found.run, found.attempt, job, r.now));
  });
  repoRoute(router, sim, "POST", "/actions/runs/:run_id/rerun", "write", (r) => {
    const run = findRun(r.world, r.req.params.run_id);
    if (!run) return notFound();
    if (statusNow(r.world, run, r.now) !== "completed")
      return githubError(403, "This workflow is already running");
    if (!r.world.runs.canRerun(run)) return githubError(403, "This workflow run cannot be retried");
    r.world.rerun(run, r.caller.login, r.now);
    r.world.tick(r.now);
    return json(201, {});
  });
  repoRoute(router, sim, "POST", "/actions/runs/:run_id/cancel", "write", (r) => {
    const run = findRun(r.world, r.req.params.run_id);
    if (!run) return notFound();
    if (statusNow(r.world, run, r.now) === "completed") {
      return githubError(409, "Cannot cancel a workflow run that is completed.");
    }
    r.world.cancel(run, r.now);
    return json(202, {});
  });
}

function listRuns(r: RepoRequest, workflow: Run["workflow"] | null) {
  const filter = parseRunFilter(r.req.query);
  if (typeof filter === "string") return validationFailed(filter);
  const runs = queryRuns(r.world, workflow, filter, r.now);
  const page = paginate(r.req, r.sim.urls, runs.total, runs.slice);
  const parts: Buffer[] = [Buffer.from(`{"total_count":${runs.total},"workflow_runs":[`)];
  page.items.forEach((run, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(runJson(r.sim.urls, r.world, run, r.now));
  });
  parts.push(CLOSE);
  return {
    status: 200,
    raw: Buffer.concat(parts),
    headers: { ...page.headers, "content-type": "application/json; charset=utf-8" },
  };
}

function listJobs(r: RepoRequest) {
  const run = findRun(r.world, r.req.params.run_id);
  if (!run) return notFound();
  const filter = r.req.query.get("filter") ?? "latest";
  if (filter !== "latest" && filter !== "all") return validationFailed(`Invalid filter: ${filter}`);
  let attempts = filter === "all" ? [...run.attempts].reverse() : [latest(run)];
  if (r.req.params.attempt) {
    const a = run.attempts[Number(r.req.params.attempt) - 1];
    if (!a) return notFound();
    attempts = [a];
  }
  const jobs = attempts.flatMap((a) =>
    r.world.runs
      .plan(run, a)
      .jobs.filter((j) => j.queuedAt !== null && j.queuedAt <= r.now)
      .map((j) => ({ a, j })),
  );
  const page = paginate(r.req, r.sim.urls, jobs.length, (s, e) => jobs.slice(s, e));
  return json(
    200,
    {
      total_count: jobs.length,
      jobs: page.items.map(({ a, j }) => jobShape(r.sim.urls, r.world, run, a, j, r.now)),
    },
    page.headers,
  );
}

export function findRun(world: World, id: string | undefined): Run | undefined {
  return world.runs.get(Number(id));
}

function statusNow(world: World, run: Run, now: number) {
  const a = latest(run);
  return attemptStatusAt(a, a.gate ? world.runs.plan(run, a) : null, now);
}
