import type { Tone } from "@/lib/ui-tone";

export interface StatusView {
  label: string;
  tone: Tone;
}

/** GitHub's nullable `status`/`conclusion` pair, in words a person reads at a glance. */
export function runStatus(
  status: string | null | undefined,
  conclusion: string | null | undefined,
): StatusView {
  if (status === "completed" || conclusion) {
    switch (conclusion) {
      case "success":
        return { label: "Succeeded", tone: "success" };
      case "failure":
        return { label: "Failed", tone: "failure" };
      case "timed_out":
        return { label: "Timed out", tone: "failure" };
      case "cancelled":
        return { label: "Cancelled", tone: "neutral" };
      case "skipped":
        return { label: "Skipped", tone: "neutral" };
      case "action_required":
        return { label: "Action required", tone: "warning" };
      case "neutral":
        return { label: "Neutral", tone: "neutral" };
      case "stale":
        return { label: "Stale", tone: "neutral" };
      default:
        return { label: "Completed", tone: "neutral" };
    }
  }
  switch (status) {
    case "in_progress":
      return { label: "In progress", tone: "running" };
    case "queued":
      return { label: "Queued", tone: "waiting" };
    case "waiting":
      return { label: "Waiting for approval", tone: "warning" };
    case "pending":
    case "requested":
      return { label: "Pending", tone: "waiting" };
    default:
      return { label: status ?? "Unknown", tone: "neutral" };
  }
}

/** Whole seconds between two ISO times, or null when the run has not started or finished. */
export function durationSeconds(
  start: string | null | undefined,
  end: string | null | undefined,
): number | null {
  if (!start || !end) return null;
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 1000) : null;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m < 60) return `${m}m ${String(s).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}
