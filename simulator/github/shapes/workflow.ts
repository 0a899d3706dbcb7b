import type { Urls } from "../../urls";
import type { WorkflowDef } from "../../world/workflow-defs";
import type { World } from "../../world/world";
import { nodeId } from "./node-id";

/** `workflow`. */
export function workflowShape(urls: Urls, world: World, wf: WorkflowDef) {
  const full = `${world.owner}/${world.name}`;
  return {
    id: wf.id,
    node_id: nodeId("Workflow", wf.id),
    name: wf.name,
    path: wf.path,
    state: "active",
    created_at: wf.createdAt,
    updated_at: wf.createdAt,
    url: `${urls.api}/repos/${full}/actions/workflows/${wf.id}`,
    html_url: `${urls.web}/${full}/blob/main/${wf.path}`,
    badge_url: `${urls.web}/${full}/workflows/${encodeURIComponent(wf.name)}/badge.svg`,
  };
}
