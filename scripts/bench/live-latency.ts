/**
 * Push-to-browser latency: a signed-in client holds the app's live stream open (as a browser's
 * EventSource does) while pushes are made to the simulated repository; each push makes the simulator
 * deliver signed webhooks to the app, which tells browsers. Measured from sending the push to
 * receiving the first `change` event, so it includes the simulator's delivery: an upper bound on
 * webhook-to-browser time. Bounded: `count` pushes, one at a time.
 */
export interface LatencyResult {
  samples: number;
  missed: number;
  p50: number;
  p95: number;
}

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
  const slot: { resolve: ((t: number) => void) | null } = { resolve: null };
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const resolve = slot.resolve;
        if (event.startsWith("event: change") && resolve) {
          slot.resolve = null;
          resolve(performance.now());
        }
      }
    }
  })();
  const samples: number[] = [];
  let missed = 0;
  for (let i = 0; i < count; i++) {
    const received = new Promise<number | null>((resolve) => {
      slot.resolve = resolve;
      setTimeout(() => resolve(null), 5_000);
    });
    const sent = performance.now();
    await fetch(`${simUrl}/_sim/push`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ branch: "testing", message: `bench push ${i}` }),
    });
    const at = await received;
    slot.resolve = null;
    if (at === null) missed++;
    else samples.push(at - sent);
    // Let the rest of this push's deliveries pass before the next one is timed.
    await new Promise((r) => setTimeout(r, 300));
  }
  controller.abort();
  await pump;
  const sorted = samples.sort((a, b) => a - b);
  const pick = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
  return { samples: sorted.length, missed, p50: pick(50), p95: pick(95) };
}
