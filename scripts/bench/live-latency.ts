/**
 * Push-to-browser latency: a signed-in client holds the app's live stream open (as a browser's
 * EventSource does) while pushes are made to the simulated repository; each push makes the simulator
 * deliver signed webhooks to the app, which tells browsers. A push is matched to the `change` event
 * naming the CI run it started (the simulator answers the push with the run ids), so a late event of
 * an earlier push is never taken for this one's. Two figures per push:
 * - push → browser: from sending the push to receiving that event, including the simulator's
 *   delivery: an upper bound on webhook-to-browser time;
 * - app → browser: from the moment the app learnt of the webhook (`change.at`) to receipt; the same
 *   machine's clock on both ends.
 * Bounded: `count` pushes, one at a time.
 */
export interface LatencyResult {
  samples: number;
  missed: number;
  p50: number;
  p95: number;
  max: number;
  /** From the app processing the webhook to the client receiving the event. */
  appToBrowser: { p50: number; p95: number };
}

interface Received {
  /** performance.now() at receipt. */
  t: number;
  /** Date.now() at receipt, to compare with the app's `at`. */
  wall: number;
  topic: string;
  ids: number[];
  at: number;
}

const MATCH_TIMEOUT_MS = 5_000;

export async function liveLatency(
  appUrl: string,
  simUrl: string,
  cookie: string,
  count: number,
): Promise<LatencyResult> {
  const controller = new AbortController();
  const response = await fetch(`${appUrl}/api/live`, {
    headers: { cookie, accept: "text/event-stream" },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`live stream answered ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const received: Received[] = [];
  // A holder, not a `let`: TypeScript would narrow a closure-assigned variable to `null` here.
  const waiter: { wake: (() => void) | null } = { wake: null };
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      const t = performance.now();
      const wall = Date.now();
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!event.startsWith("event: change")) continue;
        const data = event.split("\n").find((line) => line.startsWith("data: "));
        if (!data) continue;
        const change = JSON.parse(data.slice("data: ".length)) as {
          topic: string;
          ids: number[];
          at: number;
        };
        received.push({ t, wall, ...change });
      }
      waiter.wake?.();
    }
  })();

  /** Waits for the first event naming one of `runIds`, received after `since`. */
  const eventFor = async (runIds: number[], since: number): Promise<Received | null> => {
    const deadline = performance.now() + MATCH_TIMEOUT_MS;
    for (;;) {
      const hit = received.find(
        (r) => r.t >= since && r.topic === "runs" && r.ids.some((id) => runIds.includes(id)),
      );
      if (hit) return hit;
      const left = deadline - performance.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiter.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      waiter.wake = null;
    }
  };

  const samples: number[] = [];
  const appSide: number[] = [];
  let missed = 0;
  for (let i = 0; i < count; i++) {
    const sent = performance.now();
    const pushed = await fetch(`${simUrl}/_sim/push`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ branch: "testing", message: `bench push ${i}` }),
    });
    const { runIds } = (await pushed.json()) as { runIds: number[] };
    const hit = runIds.length > 0 ? await eventFor(runIds, sent) : null;
    if (!hit) missed++;
    else {
      samples.push(hit.t - sent);
      appSide.push(Math.max(0, hit.wall - hit.at));
    }
    // Let the rest of this push's deliveries pass before the next one is timed.
    await new Promise((r) => setTimeout(r, 300));
  }
  controller.abort();
  await pump;
  const pick = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return (
      sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
    );
  };
  return {
    samples: samples.length,
    missed,
    p50: pick(samples, 50),
    p95: pick(samples, 95),
    max: pick(samples, 100),
    appToBrowser: { p50: pick(appSide, 50), p95: pick(appSide, 95) },
  };
}
