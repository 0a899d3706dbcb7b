import { getConfig } from "@/lib/config/config";
import { startOperationsWorker } from "@/lib/operations/operations-worker";
import { repoRef, serverGitHub } from "@/lib/server/github";
import { reconcileGitHubState, type ReconcileMemory } from "./reconcile-github-state";

interface ReconcilerState {
  interval: ReturnType<typeof setInterval> | null;
  running: boolean;
  memory: ReconcileMemory;
}

// On globalThis: Next may evaluate this module more than once in one process.
const holder = globalThis as unknown as { releaseDeskReconciler?: ReconcilerState };
const state = (holder.releaseDeskReconciler ??= { interval: null, running: false, memory: new Map() });

/**
 * Every `reconcileIntervalMs`: (a) the operations worker runs unfinished operations (one replica at
 * a time, under an advisory lock; see `reconcileOperations`), and (b) this process re-reads the
 * environments and newest runs. (b) runs in every replica on purpose: each holds its own read cache
 * and its own browsers' streams, and a webhook reaches only one replica, so each must notice on its own.
 */
export function startReconciler(): void {
  startOperationsWorker();
  if (state.interval) return;
  state.interval = setInterval(reconcileOnce, getConfig().reconcileIntervalMs);
  state.interval.unref();
  reconcileOnce();
}

function reconcileOnce(): void {
  // A slow GitHub must not stack passes up.
  if (state.running) return;
  state.running = true;
  const { environments } = getConfig().github;
  void reconcileGitHubState(
    serverGitHub(),
    { ...repoRef(), environments: [environments.staging, environments.production] },
    state.memory,
  )
    .catch((error: unknown) => {
      console.error(`[release-desk] reconciler: ${error instanceof Error ? error.message : String(error)}`);
    })
    .finally(() => {
      state.running = false;
    });
}
