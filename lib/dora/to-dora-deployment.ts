import { pipelinePayload } from "@/lib/environments/deployment-payload";
import type { DeploymentWithStatus } from "@/lib/github/list-deployments";
import type { DoraDeployKind, DoraDeployState, DoraDeployment } from "./dora-deployment";

/** A GitHub production deployment and its latest status, as the DORA computation sees it. */
export function toDoraDeployment({ deployment, latestStatus }: DeploymentWithStatus): DoraDeployment {
  const payload = pipelinePayload(deployment);
  const kind: DoraDeployKind = payload.autoRollback
    ? "auto-rollback"
    : payload.reason === "rollback"
      ? "rollback"
      : payload.reason === "release"
        ? "release"
        : "unknown";
  let state: DoraDeployState;
  switch (latestStatus?.state) {
    case "success":
      state = "success";
      break;
    case "failure":
    case "error":
      state = "failure";
      break;
    case "inactive":
      state = "inactive";
      break;
    case undefined:
      state = "none";
      break;
    default:
      state = "in_progress";
  }
  const final = state === "success" || state === "failure";
  return {
    id: Number(deployment.id),
    sha: deployment.sha,
    kind,
    state,
    createdAt: Date.parse(deployment.created_at),
    finishedAt: final && latestStatus ? Date.parse(latestStatus.created_at) : null,
  };
}
