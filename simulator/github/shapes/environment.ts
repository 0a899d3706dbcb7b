import { findIdentity, type Identity } from "../../identities";
import type { Urls } from "../../urls";
import type { World } from "../../world/world";
import { nodeId } from "./node-id";
import { simpleUser } from "./user";

export interface EnvironmentDef {
  id: number;
  name: string;
  createdAt: string;
  reviewers: string[];
  branchPolicy: boolean;
}

/** Production is guarded (required reviewers, no wait timer, protected branches only); staging is open. */
export const ENVIRONMENTS: readonly EnvironmentDef[] = [
  {
    id: 1_161_424_331,
    name: "production",
    createdAt: "2025-08-28T08:30:00Z",
    reviewers: ["lee-lead", "ada-admin"],
    branchPolicy: true,
  },
  {
    id: 1_161_424_118,
    name: "staging",
    createdAt: "2025-08-28T08:29:00Z",
    reviewers: [],
    branchPolicy: false,
  },
];

export function findEnvironment(name: string): EnvironmentDef | undefined {
  return ENVIRONMENTS.find((e) => e.name === name);
}

export function environmentUrls(urls: Urls, world: World, env: EnvironmentDef) {
  const full = `${world.owner}/${world.name}`;
  return {
    url: `${urls.api}/repos/${full}/environments/${encodeURIComponent(env.name)}`,
    html_url: `${urls.web}/${full}/deployments/activity_log?environments_filter=${encodeURIComponent(env.name)}`,
  };
}

export function reviewerShapes(urls: Urls, env: EnvironmentDef) {
  return env.reviewers.map((login) => ({
    type: "User",
    reviewer: simpleUser(urls, findIdentity(login) as Identity),
  }));
}

/** `environment`. */
export function environmentShape(urls: Urls, world: World, env: EnvironmentDef) {
  const rules: unknown[] = [];
  if (env.name === "production") {
    rules.push({ id: env.id + 1, node_id: nodeId("Gate", env.id + 1), type: "wait_timer", wait_timer: 0 });
    rules.push({
      id: env.id + 2,
      node_id: nodeId("Gate", env.id + 2),
      prevent_self_review: false,
      type: "required_reviewers",
      reviewers: reviewerShapes(urls, env),
    });
    rules.push({ id: env.id + 3, node_id: nodeId("Gate", env.id + 3), type: "branch_policy" });
  }
  return {
    id: env.id,
    node_id: nodeId("Environment", env.id),
    name: env.name,
    ...environmentUrls(urls, world, env),
    created_at: env.createdAt,
    updated_at: env.createdAt,
    protection_rules: rules,
    deployment_branch_policy: env.branchPolicy
      ? { protected_branches: true, custom_branch_policies: false }
      : null,
  };
}
