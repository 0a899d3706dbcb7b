/**
 * A production deployment reduced to what the DORA figures need. `release` and `unknown` (no
 * pipeline payload) deliver changes; `rollback` and `auto-rollback` put back code that ran before.
 */
export type DoraDeployKind = "release" | "rollback" | "auto-rollback" | "unknown";

/**
 * The deployment's latest GitHub status. In production `inactive` means a newer deployment replaced
 * it after it ran; `none` means no status was ever posted.
 */
export type DoraDeployState = "success" | "failure" | "in_progress" | "inactive" | "none";

export interface DoraDeployment {
  id: number;
  sha: string;
  kind: DoraDeployKind;
  state: DoraDeployState;
  /** Epoch ms the deployment was created (the rollout started). */
  createdAt: number;
  /** Epoch ms the final `success`/`failure` status was posted, when that is the latest status. */
  finishedAt: number | null;
}

/** A commit a release deployment brought to production. */
export interface DoraCommit {
  sha: string;
  /** Epoch ms the commit was committed (committer date). */
  committedAt: number;
}

/** Changes reach production through release (or unlabelled) deploys, never through rollbacks. */
export function deliversChanges(d: DoraDeployment): boolean {
  return d.kind === "release" || d.kind === "unknown";
}

/** Production ran this deployment: it reported success, or ran until a newer one made it inactive. */
export function ran(d: DoraDeployment): boolean {
  return d.state === "success" || d.state === "inactive";
}

/** When production was running the deployment's code (its success time when known). */
export function runningSince(d: DoraDeployment): number {
  return d.finishedAt ?? d.createdAt;
}

/** Oldest first; equal times by id, which GitHub hands out in creation order. */
export function chronological(deployments: readonly DoraDeployment[]): DoraDeployment[] {
  return [...deployments].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
}
