/**
 * `npm run bench`: the simulator at benchmark scale and the production build of the app twice (shared
 * GitHub cache on, and off), then /, /runs and /production loaded by 1 and by 20 signed-in viewers.
 * Prints p50/p95 per page and the GitHub requests the simulator received per configuration.
 * Each viewer reloads its page every BENCH_INTERVAL_MS (default 1000: a dashboard left open with live
 * refresh); a final back-to-back run per page reports saturation throughput. BENCH_SECONDS (default
 * 30) sets the duration of each load; SIM_SCALE (default 500) the size of the history.
 *
 * `npm run bench -- --only=live` (or BENCH_ONLY=live) measures only push → browser latency of the live
 * updates (BENCH_PUSHES pushes, default 30), without the page loads, and writes
 * `bench-results/live-latency.{md,json}`. BENCH_PORT / BENCH_SIM_PORT move the ports (default
 * 3300 / 4310) so a bench can run beside another stack.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { liveLatency, type LatencyResult } from "./bench/live-latency";
import { load, type LoadResult } from "./bench/load";
import { signIn } from "./bench/sign-in";
import { ensureBuild, startAppProcess, startSimulatorProcess, type StackOptions } from "./stack";

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const intervalMs = Number(process.env.BENCH_INTERVAL_MS ?? 1000);
const pages = ["/", "/runs", "/production"];
const viewerCounts = [1, 20];
const logins = ["vic-viewer", "dana-dev", "quinn-qa", "lee-lead", "ada-admin"];
const only = (
  process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length) ??
  process.env.BENCH_ONLY ??
  ""
)
  .trim()
  .toLowerCase();
if (only !== "" && only !== "live")
  throw new Error(`unknown --only=${only}: the one part that runs alone is "live"`);
const pushes = Number(process.env.BENCH_PUSHES ?? 30);
const appPort = Number(process.env.BENCH_PORT ?? 3300);
const simPort = Number(process.env.BENCH_SIM_PORT ?? 4310);

function describeLatency(l: LatencyResult): string {
  return (
    `push → browser (webhook delivered, live event received): p50 ${l.p50.toFixed(0)} ms, ` +
    `p95 ${l.p95.toFixed(0)} ms, max ${l.max.toFixed(0)} ms over ${l.samples} pushes, ${l.missed} missed; ` +
    `app → browser p50 ${l.appToBrowser.p50.toFixed(0)} ms, p95 ${l.appToBrowser.p95.toFixed(0)} ms`
  );
}

async function githubCalls(simUrl: string): Promise<number> {
  const body = (await (await fetch(`${simUrl}/_sim/calls`)).json()) as { lastSeq: number };
  return body.lastSeq;
}

ensureBuild();
const dataRoot = mkdtempSync(join(tmpdir(), "release-desk-bench-"));
const base: StackOptions = {
  port: appPort,
  simPort,
  simTlsPort: simPort + 1,
  dataDir: join(dataRoot, "sim"),
  host: "127.0.0.1",
  simScale: process.env.SIM_SCALE ?? "500",
  // Time stands still apart from the history: the load sees the same world throughout.
  simSpeed: "0",
  quiet: true,
};
console.log(`Starting the simulator at SIM_SCALE=${base.simScale}…`);
const sim = await startSimulatorProcess(base);

if (only === "live") {
  let result: LatencyResult;
  try {
    console.log("Starting the app (GitHub cache on)…");
    const app = await startAppProcess(
      {
        ...base,
        dataDir: join(dataRoot, "app-live"),
        appEnv: { GITHUB_CACHE: "on", RELEASE_DESK_DEMO: "true" },
      },
      sim.certPath,
    );
    try {
      const appUrl = `http://127.0.0.1:${appPort}`;
      result = await liveLatency(appUrl, sim.url, await signIn(appUrl, "vic-viewer"), pushes);
    } finally {
      await app.stop();
    }
  } finally {
    await sim.stop();
    rmSync(dataRoot, { recursive: true, force: true });
  }
  const line = `${describeLatency(result)} (SIM_SCALE=${base.simScale}, ${new Date().toISOString()})`;
  console.log(line);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(
    join("bench-results", "live-latency.json"),
    JSON.stringify(
      { when: new Date().toISOString(), scale: base.simScale, pushes, latency: result },
      null,
      2,
    ),
  );
  writeFileSync(join("bench-results", "live-latency.md"), `${line}\n`);
  process.exit(0);
}
let latency: LatencyResult | null = null;
const rows: {
  cache: string;
  page: string;
  viewers: number;
  result: LoadResult;
  github: number;
  saturation: number;
}[] = [];
try {
  for (const cache of ["on", "off"] as const) {
    const options: StackOptions = {
      ...base,
      port: cache === "on" ? appPort : appPort + 1,
      dataDir: join(dataRoot, `app-${cache}`),
      appEnv: { GITHUB_CACHE: cache, RELEASE_DESK_DEMO: "true" },
    };
    console.log(`Starting the app with the GitHub cache ${cache}…`);
    const app = await startAppProcess(options, sim.certPath);
    try {
      const appUrl = `http://127.0.0.1:${options.port}`;
      const cookies: string[] = [];
      for (let i = 0; i < Math.max(...viewerCounts); i++)
        cookies.push(await signIn(appUrl, logins[i % logins.length] ?? "vic-viewer"));
      if (cache === "on") {
        // The simulator delivers webhooks to this app (the stack's base port).
        latency = await liveLatency(appUrl, sim.url, cookies[0] ?? "", pushes);
        console.log(describeLatency(latency));
        // The pushes changed the world; the page loads below should see the seeded world.
        await fetch(`${sim.url}/_sim/reset`, { method: "POST" });
      }
      for (const page of pages) {
        // Warm up: the first render compiles nothing in production, but fills the cache once.
        await load(`${appUrl}${page}`, cookies.slice(0, 1), 2);
        for (const viewers of viewerCounts) {
          const before = await githubCalls(sim.url);
          const result = await load(`${appUrl}${page}`, cookies.slice(0, viewers), seconds, intervalMs);
          const github = (await githubCalls(sim.url)) - before;
          const saturation =
            viewers === 1
              ? Number.NaN
              : (await load(`${appUrl}${page}`, cookies.slice(0, viewers), Math.min(10, seconds))).rps;
          rows.push({ cache, page, viewers, result, github, saturation });
          console.log(
            `cache ${cache.padEnd(3)} ${page.padEnd(12)} ${String(viewers).padStart(2)} viewer(s): ` +
              `p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms, ${result.rps.toFixed(1)} req/s, ` +
              `${result.errors} errors, ${github} GitHub requests` +
              (Number.isFinite(saturation) ? `; back to back: ${saturation.toFixed(0)} req/s` : ""),
          );
        }
      }
    } finally {
      await app.stop();
    }
  }
} finally {
  await sim.stop();
  rmSync(dataRoot, { recursive: true, force: true });
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "—");
const lines = [
  `| cache | page | viewers | page loads | p50 ms | p95 ms | GitHub requests | GitHub ×(20 vs 1) | max req/s |`,
  `|---|---|---|---|---|---|---|---|---|`,
];
for (const r of rows) {
  const single = rows.find((x) => x.cache === r.cache && x.page === r.page && x.viewers === 1);
  const ratio =
    r.viewers === 1 || !single
      ? ""
      : single.github === 0
        ? `${r.github} vs 0`
        : (r.github / single.github).toFixed(2);
  lines.push(
    `| ${r.cache} | ${r.page} | ${r.viewers} | ${r.result.requests} | ${fmt(r.result.p50)} | ${fmt(r.result.p95)} | ${r.github} | ${ratio} | ${fmt(r.saturation)} |`,
  );
}
const table = lines.join("\n");
const latencyLine = latency ? `${describeLatency(latency)}.` : "";
const heading = `${seconds}s per load, each viewer loading the page every ${intervalMs} ms; SIM_SCALE=${base.simScale}; max req/s = 20 clients back to back for ${Math.min(10, seconds)}s`;
console.log(`\n${heading}\n\n${table}\n\n${latencyLine}`);
mkdirSync("bench-results", { recursive: true });
writeFileSync(
  join("bench-results", "latest.json"),
  JSON.stringify({ when: new Date().toISOString(), seconds, scale: base.simScale, rows, latency }, null, 2),
);
writeFileSync(join("bench-results", "latest.md"), `${heading}\n\n${table}\n\n${latencyLine}\n`);
