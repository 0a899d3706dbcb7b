import type { DeploymentStatus } from "@/lib/github/list-deployments";
import type { Tone } from "@/lib/ui-tone";

export type DeploymentPhase = "deploying" | "ready" | "failed" | "torn_down" | "superseded" | "unknown";

export interface DeploymentStateView {
  phase: DeploymentPhase;
  label: string;
  tone: Tone;
  /** When the latest status was posted. */
  sinceIso: string | null;
  description: string | null;
  logUrl: string | null;
  environmentUrl: string | null;
}

const PHASES: Record<DeploymentPhase, { label: string; tone: Tone }> = {
  deploying: { label: "Deploying", tone: "running" },
  ready: { label: "Ready", tone: "success" },
  failed: { label: "Failed", tone: "failure" },
  torn_down: { label: "Torn down", tone: "neutral" },
  superseded: { label: "Superseded", tone: "neutral" },
  unknown: { label: "No status yet", tone: "waiting" },
};

/**
 * A deployment's latest GitHub status, as the environment state a person cares about. `inactive`
 * means the namespace was removed for staging, but only "a newer deployment replaced it" for the
 * persistent production environment.
 */
export function deploymentState(
  status: DeploymentStatus | null,
  environment: "staging" | "production" = "staging",
): DeploymentStateView {
  let phase: DeploymentPhase;
  switch (status?.state) {
    case "queued":
    case "pending":
    case "in_progress":
      phase = "deploying";
      break;
    case "success":
      phase = "ready";
      break;
    case "failure":
    case "error":
      phase = "failed";
      break;
    case "inactive":
      phase = environment === "staging" ? "torn_down" : "superseded";
      break;
    default:
      phase = "unknown";
  }
  return {
    phase,
    ...PHASES[phase],
    sinceIso: status?.created_at ?? null,
    description: status?.description || null,
    logUrl: status?.log_url ?? null,
    environmentUrl: status?.environment_url ?? null,
  };
}
