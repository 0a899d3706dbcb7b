import { getConfig } from "@/lib/config/config";
import { getPrisma } from "@/lib/db/client";
import { publishLiveChange } from "@/lib/live/bus";
import { reconcileOperations } from "@/lib/reconciler/reconcile-operations";

interface WorkerState {
  running: boolean;
  again: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  timerDue: number;
  interval: ReturnType<typeof setInterval> | null;
}

/** Another replica holds the reconcile lock: look again this soon, so our new work is not left waiting. */
const LOCK_BUSY_RETRY_MS = 1_000;

// On globalThis: Next may evaluate this module more than once in one process.
const holder = globalThis as unknown as { releaseDeskWorker?: WorkerState };
const state = (holder.releaseDeskWorker ??= {
  running: false,
  again: false,
  timer: null,
  timerDue: 0,
  interval: null,
});

/** Runs the worker now (after a decision commits, a retry, a webhook); one pass at a time per process. */
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
      const before = await snapshot();
      const outcome = await reconcileOperations();
      if (!outcome.acquired) {
        scheduleAt(new Date(Date.now() + LOCK_BUSY_RETRY_MS));
        return;
      }
      scheduleAt(outcome.value.nextDueAt);
      if (outcome.value.executed > 0) await announceChanges(before);
    } while (state.again);
  } catch (error) {
    console.error(
      `[release-desk] operations worker: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

type Snapshot = Map<string, string>;

/** What a person sees of each unfinished step; a poll that only moved `nextAttemptAt` changes none of it. */
async function snapshot(ids?: string[]): Promise<Snapshot> {
  const prisma = await getPrisma();
  const rows = await prisma.operation.findMany({
    where: ids ? { id: { in: ids } } : { state: { in: ["pending", "running"] } },
    select: { id: true, state: true, attempts: true, githubRunId: true, lastError: true },
  });
  return new Map(
    rows.map((r) => [r.id, `${r.state}|${r.attempts}|${r.githubRunId ?? ""}|${r.lastError ?? ""}`]),
  );
}

/** Tells browsers (the release and production pages) when a step visibly moved on. */
async function announceChanges(before: Snapshot): Promise<void> {
  const after = await snapshot([...before.keys()]);
  const unfinished = await snapshot();
  const changed =
    [...before].some(([id, seen]) => after.get(id) !== seen) ||
    [...unfinished.keys()].some((id) => !before.has(id));
  if (changed) publishLiveChange({ topic: "operations", ids: [], cause: "operations", at: Date.now() });
}

/** Wakes up when the earliest waiting operation is due (a poll, a backoff), not only on the interval. */
function scheduleAt(due: Date | null): void {
  if (!due) return;
  const delay = Math.max(0, due.getTime() - Date.now());
  if (delay > getConfig().reconcileIntervalMs) return;
  // An earlier wake-up already set stays: it will schedule the next one itself.
  if (state.timer && state.timerDue <= due.getTime()) return;
  if (state.timer) clearTimeout(state.timer);
  state.timerDue = due.getTime();
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
