import type { LiveChange } from "./live-change";

type Listener = (change: LiveChange) => void;

const BUS = Symbol.for("release-desk.live.bus");

// Route handlers are bundled separately by Next, so a module-level set would give the webhook
// receiver and the event stream two different buses; globalThis is shared by the whole process.
function listeners(): Set<Listener> {
  const holder = globalThis as typeof globalThis & { [BUS]?: Set<Listener> };
  holder[BUS] ??= new Set();
  return holder[BUS];
}

/** Tells every open browser stream in this process that something changed. */
export function publishLiveChange(change: LiveChange): void {
  for (const listener of listeners()) {
    try {
      listener(change);
    } catch (error) {
      // One broken stream must not keep the others (or the webhook processing) from their update.
      console.error("live listener failed", error);
    }
  }
}

/** Subscribes to changes; returns the unsubscribe function. */
export function subscribeLiveChanges(listener: Listener): () => void {
  listeners().add(listener);
  return () => {
    listeners().delete(listener);
  };
}

export function liveSubscriberCount(): number {
  return listeners().size;
}
