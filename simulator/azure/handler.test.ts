import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAzureHandler, type AzureFault } from "./handler";
import type { TelemetryDeployment, TelemetrySource } from "./types";
import { WORKSPACE_IDS } from "./workspaces";

// The handler does not care about TLS; plain HTTP keeps these tests about the API's answers.
const at = (time: string) => new Date(`2026-03-02T${time}:00.000Z`);
const deployments: TelemetryDeployment[] = [
  {
    environment: "production",
    sha: "aaa",
    namespace: "shop",
    startedAt: at("06:00"),
    endedAt: null,
    degraded: false,
  },
];
const source: TelemetrySource = { now: () => at("12:00"), deployments: () => deployments };
let fault: AzureFault | null = null;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(createAzureHandler(source, { fault: () => fault }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const serviceHealth = (end = "2026-03-02T12:00:00.000Z") =>
  `// query: service-health\nlet End = datetime(${end});\nlet Window = 60m;\nAppRequests | take 1\n`;

const rowsOf = (body: unknown) => (body as { tables: { rows: unknown[][] }[] }).tables[0]!.rows;

async function post(
  body: unknown,
  {
    workspace = WORKSPACE_IDS.production,
    token = "sim-server-token",
    path,
  }: { workspace?: string; token?: string | null; path?: string } = {},
) {
  const response = await fetch(`${base}${path ?? `/v1/workspaces/${workspace}/query`}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as unknown,
  };
}

describe("Azure Monitor Logs query API (simulated)", () => {
  it("answers a named query with the API's table shape", async () => {
    const { status, headers, body } = await post({ query: serviceHealth(), timespan: "PT1H" });
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^application\/json/);
    expect(body).toEqual({
      tables: [
        {
          name: "PrimaryResult",
          columns: [
            { name: "AppRoleName", type: "string" },
            { name: "Requests", type: "long" },
            { name: "FailedRequests", type: "long" },
            { name: "FailurePct", type: "real" },
            { name: "P50Ms", type: "real" },
            { name: "P95Ms", type: "real" },
          ],
          rows: expect.any(Array) as unknown,
        },
      ],
    });
    const rows = rowsOf(body);
    expect(rows.map((r) => r[0])).toEqual([
      "customer_service",
      "frontend",
      "order_service",
      "product_service",
    ]);
  });

  it("gives the same answer to the same query", async () => {
    const first = await post({ query: serviceHealth() });
    const second = await post({ query: serviceHealth() });
    expect(second.body).toEqual(first.body);
  });

  it("requires a bearer token, answering 401 as Azure does", async () => {
    for (const token of [null, ""]) {
      const { status, headers, body } = await post({ query: serviceHealth() }, { token });
      expect(status).toBe(401);
      expect(headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(body).toEqual({
        error: {
          code: "AuthorizationRequiredError",
          message: "Valid authentication was not provided",
          correlationId: expect.any(String) as unknown,
        },
      });
    }
  });

  it("answers 404 PathNotFoundError for an unknown workspace or path", async () => {
    for (const options of [
      { workspace: "33333333-3333-4333-8333-333333333333" },
      { path: "/v1/workspaces" },
      { path: "/v2/x/query" },
    ]) {
      const { status, body } = await post({ query: serviceHealth() }, options);
      expect(status).toBe(404);
      expect(body).toMatchObject({
        error: { code: "PathNotFoundError", message: "The requested path does not exist" },
      });
    }
  });

  it("answers an unknown query as a KQL syntax error", async () => {
    const { status, body } = await post({ query: "// query: not-ours\nAppRequests | take 1" });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: {
        code: "BadArgumentError",
        message: "The request had some invalid properties",
        innererror: {
          code: "SyntaxError",
          innererror: { message: expect.stringContaining("unknown query 'not-ours'") as unknown },
        },
      },
    });
    expect((await post({ query: "AppRequests | take 1" })).body).toMatchObject({
      error: { code: "BadArgumentError", innererror: { code: "SyntaxError" } },
    });
  });

  it("answers a named query missing a parameter as a semantic error", async () => {
    const { status, body } = await post({
      query: "// query: service-health\nlet Window = 60m;\nAppRequests",
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: {
        code: "BadArgumentError",
        innererror: {
          code: "SemanticError",
          innererror: { message: expect.stringContaining("'End'") as unknown },
        },
      },
    });
  });

  it("refuses a body that is not JSON or has no query", async () => {
    expect((await post("{nope")).status).toBe(400);
    expect((await post({ timespan: "PT1H" })).body).toMatchObject({ error: { code: "BadArgumentError" } });
  });

  it("has no telemetry after the source's now, nor for an environment with no active deployment", async () => {
    const future = await post({ query: serviceHealth("2026-03-02T14:00:00.000Z") });
    expect(rowsOf(future.body)).toEqual([]);
    const staging = await post({ query: serviceHealth() }, { workspace: WORKSPACE_IDS.staging });
    expect(rowsOf(staging.body)).toEqual([]);
  });

  it("applies the request timespan on top of the query window", async () => {
    const narrow = await post({
      query: serviceHealth(),
      timespan: "2026-03-02T11:50:00.000Z/2026-03-02T12:00:00.000Z",
    });
    const wide = await post({ query: serviceHealth() });
    const requests = (r: typeof narrow) => rowsOf(r.body)[0]![1] as number;
    expect(requests(narrow)).toBeLessThan(requests(wide) / 4);
  });

  it("injects a partial failure, throttling or an outage on request", async () => {
    try {
      fault = "partial";
      const partial = await post({ query: serviceHealth() });
      expect(partial.status).toBe(200);
      expect(partial.body).toMatchObject({
        tables: [{ name: "PrimaryResult" }],
        error: { code: "PartialError" },
      });
      fault = "throttled";
      const throttled = await post({ query: serviceHealth() });
      expect([throttled.status, throttled.headers.get("retry-after")]).toEqual([429, "5"]);
      fault = "unavailable";
      expect((await post({ query: serviceHealth() })).status).toBe(503);
    } finally {
      fault = null;
    }
  });
});
