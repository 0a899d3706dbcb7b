import { isRecord } from "../http/body";
import { json, notFound, validationFailed } from "../http/respond";
import type { Router } from "../http/router";
import type { Simulation } from "../server";
import type { DeploymentStatus } from "../world/types";
import { paginate } from "./pagination";
import { repoRoute, type RepoRequest } from "./repo-route";
import { deploymentShape, deploymentStatusShape } from "./shapes/deployment";

const STATES: DeploymentStatus["state"][] = [
  "error",
  "failure",
  "inactive",
  "in_progress",
  "queued",
  "pending",
  "success",
];

export function registerDeploymentRoutes(router: Router, sim: Simulation): void {
  repoRoute(router, sim, "GET", "/deployments", "read", (r) => {
    const q = r.req.query;
    const list = r.world.deployments.list({
      environment: q.get("environment"),
      sha: q.get("sha"),
      ref: q.get("ref"),
      task: q.get("task"),
    });
    const page = paginate(r.req, r.sim.urls, list.length, (s, e) => list.slice(s, e));
    return json(
      200,
      page.items.map((d) => deploymentShape(r.sim.urls, r.world, d)),
      page.headers,
    );
  });
  repoRoute(router, sim, "POST", "/deployments", "write", createDeployment);
  repoRoute(router, sim, "GET", "/deployments/:deployment_id", "read", (r) => {
    const d = r.world.deployments.byId.get(Number(r.req.params.deployment_id));
    return d ? json(200, deploymentShape(r.sim.urls, r.world, d)) : notFound();
  });
  repoRoute(router, sim, "GET", "/deployments/:deployment_id/statuses", "read", (r) => {
    const d = r.world.deployments.byId.get(Number(r.req.params.deployment_id));
    if (!d) return notFound();
    const statuses = [...d.statuses].reverse();
    const page = paginate(r.req, r.sim.urls, statuses.length, (s, e) => statuses.slice(s, e));
    return json(
      200,
      page.items.map((s) => deploymentStatusShape(r.sim.urls, r.world, d, s)),
      page.headers,
    );
  });
  repoRoute(router, sim, "GET", "/deployments/:deployment_id/statuses/:status_id", "read", (r) => {
    const d = r.world.deployments.byId.get(Number(r.req.params.deployment_id));
    const s = d?.statuses.find((x) => x.id === Number(r.req.params.status_id));
    return d && s ? json(200, deploymentStatusShape(r.sim.urls, r.world, d, s)) : notFound();
  });
  repoRoute(router, sim, "POST", "/deployments/:deployment_id/statuses", "write", createStatus);
}

/**
 * `auto_merge` and `required_contexts` are accepted but not enforced (the pipeline's own calls pass
 * `auto_merge: false, required_contexts: []`).
 */
function createDeployment(r: RepoRequest) {
  const body = isRecord(r.req.body) ? r.req.body : {};
  if (typeof body.ref !== "string" || !body.ref) {
    return validationFailed('Invalid request.\n\n"ref" wasn\'t supplied.');
  }
  const commit = r.world.graph.resolve(body.ref);
  if (!commit) return validationFailed(`No ref found for: ${body.ref}`);
  if (body.payload !== undefined && !isRecord(body.payload) && typeof body.payload !== "string") {
    return validationFailed("Invalid request.\n\nFor 'properties/payload', is not an object or string.");
  }
  const environment =
    typeof body.environment === "string" && body.environment ? body.environment : "production";
  const payload = typeof body.payload === "string" ? parsePayload(body.payload) : (body.payload ?? {});
  const d = r.world.createDeployment({
    sha: commit.sha,
    ref: body.ref,
    task: typeof body.task === "string" ? body.task : "deploy",
    payload,
    environment,
    description: typeof body.description === "string" ? body.description : null,
    creator: r.caller.login,
    at: r.now,
    production:
      typeof body.production_environment === "boolean"
        ? body.production_environment
        : environment === "production",
    transient: body.transient_environment === true,
  });
  return json(201, deploymentShape(r.sim.urls, r.world, d));
}

function createStatus(r: RepoRequest) {
  const d = r.world.deployments.byId.get(Number(r.req.params.deployment_id));
  if (!d) return notFound();
  const body = isRecord(r.req.body) ? r.req.body : {};
  const state = body.state as DeploymentStatus["state"];
  if (!STATES.includes(state)) {
    return validationFailed("Validation Failed", [
      { resource: "DeploymentStatus", field: "state", code: "invalid" },
    ]);
  }
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  r.world.addDeploymentStatus(d, {
    state,
    creator: r.caller.login,
    at: r.now,
    description: str(body.description)?.slice(0, 140),
    logUrl: str(body.log_url) ?? str(body.target_url),
    environmentUrl: str(body.environment_url),
    autoInactive: body.auto_inactive !== false,
  });
  if (state === "inactive") r.world.endNamespace(d, r.now);
  const s = d.statuses[d.statuses.length - 1] as DeploymentStatus;
  return json(201, deploymentStatusShape(r.sim.urls, r.world, d, s));
}

function parsePayload(s: string): Record<string, unknown> {
  try {
    const v = JSON.parse(s) as unknown;
    return isRecord(v) ? v : {};
  } catch {
    return {};
  }
}
