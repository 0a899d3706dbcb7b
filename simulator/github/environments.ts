import { isRecord } from "../http/body";
import { json, notFound, validationFailed } from "../http/respond";
import type { Router } from "../http/router";
import type { Simulation } from "../server";
import { jobStateAt } from "../world/run-plan";
import { latest } from "../world/runs";
import type { Run } from "../world/types";
import { findRun } from "./runs";
import { paginate } from "./pagination";
import { repoRoute, type RepoRequest } from "./repo-route";
import {
  ENVIRONMENTS,
  environmentShape,
  environmentUrls,
  findEnvironment,
  reviewerShapes,
} from "./shapes/environment";
import { nodeId } from "./shapes/node-id";
import { isoOrNull } from "./shapes/time";

export function registerEnvironmentRoutes(router: Router, sim: Simulation): void {
  repoRoute(router, sim, "GET", "/environments", "read", (r) => {
    const page = paginate(r.req, r.sim.urls, ENVIRONMENTS.length, (s, e) => ENVIRONMENTS.slice(s, e));
    return json(
      200,
      {
        total_count: ENVIRONMENTS.length,
        environments: page.items.map((e) => environmentShape(r.sim.urls, r.world, e)),
      },
      page.headers,
    );
  });
  repoRoute(router, sim, "GET", "/environments/:environment_name", "read", (r) => {
    const env = findEnvironment(r.req.params.environment_name ?? "");
    return env ? json(200, environmentShape(r.sim.urls, r.world, env)) : notFound();
  });
  repoRoute(router, sim, "GET", "/actions/runs/:run_id/pending_deployments", "read", (r) => {
    const run = findRun(r.world, r.req.params.run_id);
    if (!run) return notFound();
    return json(200, pending(r, run));
  });
  repoRoute(router, sim, "POST", "/actions/runs/:run_id/pending_deployments", "write", review);
}

/** The environment gates a run is waiting on now (a required-reviewer rule on production). */
function pending(r: RepoRequest, run: Run) {
  const a = latest(run);
  if (!a.gate) return [];
  const job = r.world.runs.plan(run, a).jobs.find((j) => j.name === a.gate?.job);
  if (!job || jobStateAt(job, r.now).status !== "waiting") return [];
  const env = findEnvironment(a.gate.environment);
  if (!env) return [];
  return [
    {
      environment: {
        id: env.id,
        node_id: nodeId("Environment", env.id),
        name: env.name,
        ...environmentUrls(r.sim.urls, r.world, env),
      },
      wait_timer: 0,
      wait_timer_started_at: isoOrNull(job.waitingFrom),
      current_user_can_approve: env.reviewers.includes(r.caller.login),
      reviewers: reviewerShapes(r.sim.urls, env),
    },
  ];
}

/** Approve or reject with the reviewer's own token; GitHub refuses anyone not listed as a reviewer. */
function review(r: RepoRequest) {
  const run = findRun(r.world, r.req.params.run_id);
  if (!run) return notFound();
  const body = isRecord(r.req.body) ? r.req.body : {};
  const ids = Array.isArray(body.environment_ids) ? body.environment_ids : null;
  const state = body.state;
  if (!ids || (state !== "approved" && state !== "rejected") || typeof body.comment !== "string") {
    return validationFailed('Invalid request.\n\n"environment_ids", "state" and "comment" are required.');
  }
  const waiting = pending(r, run);
  const gate = waiting[0];
  if (!gate || !ids.includes(gate.environment.id)) {
    return validationFailed("No pending deployment requests to approve or reject");
  }
  if (!gate.current_user_can_approve) {
    return validationFailed(
      `${r.caller.login} is not a required reviewer of environment ${gate.environment.name}`,
    );
  }
  r.world.review(run, state, r.caller.login, body.comment, r.now);
  r.world.tick(r.now);
  return json(200, []);
}
