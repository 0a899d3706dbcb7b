import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAzureHandler } from "./handler";
import type { TelemetryDeployment, TelemetrySource } from "./types";
import { WORKSPACE_IDS } from "./workspaces";

const MINUTE = 60_000;
// The app's wall clock, and a world clock 10 minutes ahead of it (as after `/_sim/advance 600`).
const WALL_NOW = Date.parse("2026-03-02T12:00:00.000Z");
const WORLD_NOW = WALL_NOW + 10 * MINUTE;
const BAD_DEPLOY = new Date(WORLD_NOW - 5 * MINUTE); // a GitHub created_at: world time

const deployments: TelemetryDeployment[] = [
  {
    environment: "production",
    sha: "good111",
    namespace: "production",
    startedAt: new Date(WORLD_NOW - 6 * 60 * MINUTE),
    endedAt: BAD_DEPLOY,
    degraded: false,
  },
  {
    environment: "production",
    sha: "bad2222",
    namespace: "production",
    startedAt: BAD_DEPLOY,
    endedAt: null,
    degraded: true,
  },
];
const source: TelemetrySource = { now: () => new Date(WORLD_NOW), deployments: () => deployments };

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(createAzureHandler(source, { wallClock: () => WALL_NOW }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const iso = (ms: number) => new Date(ms).toISOString();

/** What lib/azure sends for "the last `minutes` minutes" read at the app's now. */
function trailing(name: string, minutes: number, extra = "") {
  return {
    query: `// query: ${name}\nlet End = datetime(${iso(WALL_NOW)});\nlet Window = ${minutes}m;\n${extra}AppRequests\n`,
    timespan: `${iso(WALL_NOW - minutes * MINUTE)}/${iso(WALL_NOW)}`,
  };
}

async function rows(body: unknown): Promise<unknown[][]> {
  const response = await fetch(`${base}/v1/workspaces/${WORKSPACE_IDS.production}/query`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sim-server-token" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { tables: { rows: unknown[][] }[] }).tables[0]!.rows;
}

const orderService = (table: unknown[][]) => table.filter((r) => r.includes("order_service"));

describe("the simulated Logs API on a world clock ahead of the app's", () => {
  it("reads a window ending at the app's now as the world's latest minutes", async () => {
    const health = await rows(trailing("service-health", 15));
    const [order] = orderService(health);
    // [End - 15 m, End) on the world clock holds the bad release's 5 minutes (11 % failures) after
    // 10 healthy ones (1 %); on the wall clock as given it would end before the deploy.
    const failurePct = order![3] as number;
    expect(failurePct).toBeGreaterThan(2);
    expect(failurePct).toBeLessThan(8);
  });

  it("returns chart bins on the app's clock, the bad release in the last 5 of them", async () => {
    const series = orderService(await rows(trailing("request-series", 15, "let Interval = 1m;\n")));
    const bins = series.map((r) => Date.parse(r[0] as string));
    expect(bins[0]).toBe(WALL_NOW - 15 * MINUTE);
    expect(bins.at(-1)).toBe(WALL_NOW - MINUTE);
    // The bad release's p95 is 1.9 s against a healthy few hundred ms.
    const slow = series.filter((r) => (r[5] as number) > 1000).map((r) => Date.parse(r[0] as string));
    expect(slow).toEqual([5, 4, 3, 2, 1].map((m) => WALL_NOW - m * MINUTE));
  });

  it("takes deploy-comparison's T as the world time GitHub reported, unshifted", async () => {
    const windowMinutes = 30;
    const comparison = orderService(
      await rows({
        query: `// query: deploy-comparison\nlet T = datetime(${BAD_DEPLOY.toISOString()});\nlet Window = ${windowMinutes}m;\nAppRequests\n`,
        timespan: `${iso(BAD_DEPLOY.getTime() - windowMinutes * MINUTE)}/${iso(BAD_DEPLOY.getTime() + windowMinutes * MINUTE)}`,
      }),
    );
    const byPhase = Object.fromEntries(comparison.map((r) => [r[1] as string, r[4] as number]));
    // Split exactly at the deploy: a healthy "before", the bad release's 5 minutes "after".
    expect(byPhase.before).toBeLessThan(2);
    expect(byPhase.after).toBeGreaterThan(5);
  });
});
