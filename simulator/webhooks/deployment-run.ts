import type { runShape } from "../github/shapes/run";

/** Deployment events embed a reduced run (no commit or repository objects), as GitHub sends them. */
export function deploymentRun(run: ReturnType<typeof runShape>) {
  const keys = [
    "id",
    "name",
    "node_id",
    "head_branch",
    "head_sha",
    "run_number",
    "event",
    "status",
    "conclusion",
    "workflow_id",
    "check_suite_id",
    "check_suite_node_id",
    "url",
    "html_url",
    "path",
    "pull_requests",
    "created_at",
    "updated_at",
    "actor",
    "triggering_actor",
    "run_attempt",
    "run_started_at",
    "display_title",
  ] as const;
  return Object.fromEntries(keys.map((k) => [k, run[k]]));
}
