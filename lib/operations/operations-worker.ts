import { getConfig } from "@/lib/config/config";
import { runDueOperations } from "./run-due-operations";

interface WorkerState {
  running: boolean;
  again: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  interval: ReturnType<typeof setInterval> | null;
}

// On globalThis: Next may evaluate this module more than once in one process.
const holder = globalThis as unknown as { releaseDeskWorker?: WorkerState };
const state = (holder.releaseDeskWorker ??= { running: false, again: false, timer: null, interval: null });

/** Runs the worker now (after a decision commits, or a retry); one pass at a time per process. */
export function kickOperations(): void {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  void pass().finally(() => {
    state.running = false;
  });
}

async function pass(): Promise<void> {
  try {
    do {
      state.again = false;
      const report = await runDueOperations();
      scheduleAt(report.nextDueAt);
    } while (state.again);
  } catch (error) {
    console.error(
      `[release-desk] operations worker: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Wakes up when the earliest waiting operation is due (a poll, a backoff), not only on the interval. */
function scheduleAt(due: Date | null): void {
  if (!due) return;
  const delay = Math.max(0, due.getTime() - Date.now());
  if (delay > getConfig().reconcileIntervalMs) return;
  if (state.timer) clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    state.timer = null;
    kickOperations();
  }, delay + 20);
  state.timer.unref();
}

/** Resumes unfinished operations after a restart and reconciles on an interval. */
export function startOperationsWorker(): void {
  if (state.interval) return;
  state.interval = setInterval(kickOperations, getConfig().reconcileIntervalMs);
  state.interval.unref();
  kickOperations();
}
