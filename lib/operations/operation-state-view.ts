import type { Tone } from "@/lib/ui-tone";

export interface OperationStateView {
  label: string;
  tone: Tone;
}

const STATES: Record<string, OperationStateView> = {
  pending: { label: "Pending", tone: "waiting" },
  running: { label: "Running", tone: "running" },
  succeeded: { label: "Succeeded", tone: "success" },
  failed: { label: "Failed", tone: "failure" },
  needs_attention: { label: "Needs attention", tone: "warning" },
};

/** An operation's state in words and its tone: every page names the steps' states alike. */
export function operationStateView(state: string): OperationStateView {
  return STATES[state] ?? { label: state, tone: "neutral" };
}
