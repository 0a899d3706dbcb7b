import type { Urls } from "../../urls";
import type { Deployment, DeploymentStatus } from "../../world/types";
import type { World } from "../../world/world";
import { userOrNull } from "./git-user";
import { nodeId } from "./node-id";
import { iso } from "./time";

function base(urls: Urls, world: World) {
  return `${urls.api}/repos/${world.owner}/${world.name}`;
}

/** `deployment`. */
export function deploymentShape(urls: Urls, world: World, d: Deployment) {
  const api = `${base(urls, world)}/deployments/${d.id}`;
  return {
    url: api,
    id: d.id,
    node_id: nodeId("Deployment", d.id),
    task: d.task,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    created_at: iso(d.createdAt),
    updated_at: iso(d.updatedAt),
    statuses_url: `${api}/statuses`,
    repository_url: base(urls, world),
    creator: userOrNull(urls, d.creator),
    sha: d.sha,
    ref: d.ref,
    payload: d.payload,
    transient_environment: d.transient,
    production_environment: d.production,
    performed_via_github_app: null,
  };
}

/** `deployment-status`. Relative log URLs (set by the world) are made absolute here. */
export function deploymentStatusShape(urls: Urls, world: World, d: Deployment, s: DeploymentStatus) {
  const deploymentUrl = `${base(urls, world)}/deployments/${d.id}`;
  const abs = (u: string) => (u.startsWith("/") ? `${urls.web}${u}` : u);
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId("DeploymentStatus", s.id),
    state: s.state,
    creator: userOrNull(urls, s.creator),
    description: s.description,
    environment: d.environment,
    // `target_url` is required and typed as a URI: a status created without one points at the
    // environment's activity log rather than GitHub's legacy empty string.
    target_url: s.logUrl
      ? abs(s.logUrl)
      : `${urls.web}/${world.owner}/${world.name}/deployments/${encodeURIComponent(d.environment)}`,
    created_at: iso(s.createdAt),
    updated_at: iso(s.createdAt),
    deployment_url: deploymentUrl,
    repository_url: base(urls, world),
    ...(s.environmentUrl ? { environment_url: abs(s.environmentUrl) } : {}),
    ...(s.logUrl ? { log_url: abs(s.logUrl) } : {}),
    performed_via_github_app: null,
  };
}
