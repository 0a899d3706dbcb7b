/** What one execution of an operation's step concluded; the runner turns it into a state change. */
export type StepOutcome =
  | { kind: "succeeded"; note?: string }
  | { kind: "failed"; error: string }
  | { kind: "needs_attention"; error: string }
  /** Transient (5xx, rate limit, "base branch was modified"): try again after a backoff. */
  | { kind: "retry"; error: string }
  /** GitHub is still working (a run in progress, a dispatch being looked up): look again soon. */
  | { kind: "wait"; afterMs: number; note?: string };

export const OPERATION_STATES = ["pending", "running", "succeeded", "failed", "needs_attention"] as const;
export type OperationState = (typeof OPERATION_STATES)[number];

export function isFinished(state: string): boolean {
  return state === "succeeded" || state === "failed";
}
