import http from "node:http";

export interface LoadResult {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  rps: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/**
 * One client per cookie (a signed-in viewer) requests `url` for `seconds`. With `intervalMs` > 0 each
 * viewer starts a page load every `intervalMs` (a person with the page open and live refresh); with 0
 * they request back to back, which measures saturation rather than what a viewer sees. Bounded in
 * time and count; loopback only.
 */
export async function load(
  url: string,
  cookies: string[],
  seconds: number,
  intervalMs = 0,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: cookies.length });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const once = (cookie: string) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = http.get(url, { agent, headers: { cookie } }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode === 200) latencies.push(performance.now() - started);
          else errors++;
          resolve();
        });
      });
      req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
      req.on("error", () => {
        errors++;
        resolve();
      });
    });
  const started = Date.now();
  await Promise.all(
    cookies.map(async (cookie, i) => {
      // Viewers do not arrive in lockstep: spread their first loads over one interval.
      if (intervalMs > 0) await new Promise((r) => setTimeout(r, (intervalMs * i) / cookies.length));
      while (Date.now() < deadline) {
        const began = Date.now();
        await once(cookie);
        const wait = intervalMs - (Date.now() - began);
        if (wait > 0)
          await new Promise((r) => setTimeout(r, Math.min(wait, Math.max(0, deadline - Date.now()))));
      }
    }),
  );
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    rps: latencies.length / ((Date.now() - started) / 1000),
  };
}
