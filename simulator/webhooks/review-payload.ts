import { findIdentity, SERVER_BOT } from "../identities";
import { findEnvironment, reviewerShapes } from "../github/shapes/environment";
import { jobShape } from "../github/shapes/job";
import { runShape } from "../github/shapes/run";
import { iso } from "../github/shapes/time";
import { simpleUser } from "../github/shapes/user";
import type { Urls } from "../urls";
import type { WorldEvent } from "../world/events";
import type { World } from "../world/world";
import { deploymentRun } from "./deployment-run";

type ReviewEvent = Extract<WorldEvent, { type: "deployment_review" }>;

/**
 * `deployment_review`: requested when a job reaches the reviewer gate of an environment, approved or
 * rejected when a reviewer answers through `pending_deployments`.
 */
export function reviewPayload(urls: Urls, world: World, e: ReviewEvent, common: Record<string, unknown>) {
  const user = (login: string) => simpleUser(urls, findIdentity(login) ?? SERVER_BOT);
  const plan = world.runs.plan(e.run, e.attempt);
  const job = plan.jobs[e.jobIndex];
  const gate = e.attempt.gate;
  const env = findEnvironment(gate?.environment ?? "production");
  const shape = job ? jobShape(urls, world, e.run, e.attempt, job, e.at) : null;
  const jobRun = shape && {
    id: shape.id,
    name: shape.name,
    status: e.action === "requested" ? "waiting" : shape.status,
    conclusion: null,
    html_url: shape.html_url,
    created_at: shape.created_at,
    updated_at: iso(e.at),
    environment: gate?.environment ?? "production",
  };
  // The review events' user schema predates `user_view_type`.
  const reviewers = (env ? reviewerShapes(urls, env) : []).map(({ type, reviewer }) => {
    const { user_view_type: _v, ...rest } = reviewer;
    return { type, reviewer: rest };
  });
  const base = {
    action: e.action,
    workflow_run: deploymentRun(runShape(urls, world, e.run, e.at, e.attempt)),
    since: iso(job?.waitingFrom ?? e.at),
    ...common,
  };
  if (e.action === "requested") {
    return {
      ...base,
      workflow_job_run: jobRun,
      environment: gate?.environment ?? "production",
      reviewers,
      requestor: user(e.attempt.actor),
      sender: user(e.attempt.actor),
    };
  }
  return {
    ...base,
    workflow_job_runs: jobRun ? [jobRun] : [],
    reviewers,
    approver: user(e.reviewer ?? SERVER_BOT.login),
    comment: e.comment ?? "",
    sender: user(e.reviewer ?? SERVER_BOT.login),
  };
}
