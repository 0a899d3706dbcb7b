"use client";

import { POLL_INTERVAL_MS } from "./live-refresh";
import { useLiveStatus } from "./use-live-status";

const LABELS = {
  live: "Live",
  connecting: "Connecting…",
  polling: `Updating every ${POLL_INTERVAL_MS / 1000} s`,
} as const;

/** Says, in words, whether the page follows GitHub live or refreshes on an interval. */
export function LiveIndicator() {
  const status = useLiveStatus();
  return (
    <span role="status" aria-live="polite" data-testid="live-status" className="text-xs text-slate-600">
      {status === "off" ? null : (
        <span className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={`h-2 w-2 rounded-full ${status === "live" ? "bg-emerald-500" : "bg-amber-500"}`}
          />
          {LABELS[status]}
        </span>
      )}
    </span>
  );
}
