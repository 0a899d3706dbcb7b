import { subscribeLiveChanges } from "./bus";
import type { LiveChange } from "./live-change";

export interface EventStreamOptions {
  /** Comment lines keep proxies from closing an idle connection. Default 20 s. */
  heartbeatMs?: number;
  /** Closes the stream when the client goes away. */
  signal?: AbortSignal;
}

/**
 * A server-sent-events body: `event: change` for each bus message, a `ready` event first so the
 * client knows it is live, and a heartbeat comment. It unsubscribes when the client disconnects.
 */
export function liveEventStream(options: EventStreamOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          // Enqueue after close (the client left between two messages): stop quietly.
          cleanup();
        }
      };
      // `retry` tells EventSource how long to wait before reconnecting after a dropped connection.
      send(`retry: 3000\nevent: ready\ndata: {}\n\n`);
      const unsubscribe = subscribeLiveChanges((change: LiveChange) => {
        send(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
      });
      const heartbeat = setInterval(() => send(`: keep-alive\n\n`), options.heartbeatMs ?? 20_000);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed or cancelled.
        }
        cleanup = () => {};
      };
      options.signal?.addEventListener("abort", () => cleanup(), { once: true });
    },
    cancel() {
      cleanup();
    },
  });
}
