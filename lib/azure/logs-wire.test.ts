import type { TokenCredential } from "@azure/core-auth";
import { createHttpHeaders, type HttpClient, type PipelineRequest } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { createLogsClient, runQuery } from "./logs-client";
import { mapAvailability } from "./map-availability";
import { describeQueryError } from "./map-error";
import { mapRequestSeries } from "./map-series";
import { mapServiceHealth } from "./map-service-health";
import { serviceHealthQuery } from "./queries/service-health";

// These tests fake Azure's HTTP, not our code: the real LogsQueryClient (pipeline, bearer policy,
// deserialisation, RestError) runs over an in-process HttpClient that answers canned wire bodies.

const WORKSPACE = "22222222-2222-4222-8222-222222222222";
const credential: TokenCredential = {
  getToken: () => Promise.resolve({ token: "test-token", expiresOnTimestamp: Date.now() + 60_000 }),
};

function cannedAzure(status: number, body: unknown, headers: Record<string, string> = {}) {
  const requests: PipelineRequest[] = [];
  const httpClient: HttpClient = {
    sendRequest: (request) => {
      requests.push(request);
      return Promise.resolve({
        request,
        status,
        headers: createHttpHeaders({ "content-type": "application/json; charset=utf-8", ...headers }),
        bodyAsText: JSON.stringify(body),
      });
    },
  };
  const client = createLogsClient(credential, {
    endpoint: "https://logs.example.test/v1",
    httpClient,
    maxRetries: 0,
  });
  return { client, requests };
}

const query = serviceHealthQuery({ end: new Date("2026-03-02T12:00:00Z"), windowMinutes: 60 });

const serviceHealthTable = {
  name: "PrimaryResult",
  columns: [
    { name: "AppRoleName", type: "string" },
    { name: "Requests", type: "long" },
    { name: "FailedRequests", type: "long" },
    { name: "FailurePct", type: "real" },
    { name: "P50Ms", type: "real" },
    { name: "P95Ms", type: "real" },
  ],
  rows: [
    ["order_service", 2160, 199, 9.21, 373.69, 1860.98],
    ["frontend", 7212, 0, 0, 80.1, "NaN"],
  ],
};

describe("queries over the SDK's wire format", () => {
  it("posts the named query with its timespan to the workspace, with a bearer token and the timeout", async () => {
    const { client, requests } = cannedAzure(200, { tables: [serviceHealthTable] });
    await runQuery(client, WORKSPACE, query, 4_000);
    const [request] = requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe(`https://logs.example.test/v1/workspaces/${WORKSPACE}/query`);
    expect(request!.headers.get("authorization")).toBe("Bearer test-token");
    expect(request!.timeout).toBe(4_000);
    expect(JSON.parse(request!.body as string)).toEqual({
      query: query.text,
      timespan: "2026-03-02T11:00:00.000Z/2026-03-02T12:00:00.000Z",
    });
  });

  it("maps a successful table to typed figures by column name, reading NaN as missing", async () => {
    const { client } = cannedAzure(200, { tables: [serviceHealthTable] });
    expect(mapServiceHealth(await runQuery(client, WORKSPACE, query, 4_000))).toEqual({
      kind: "ok",
      value: [
        {
          service: "order_service",
          requests: 2160,
          failedRequests: 199,
          failurePct: 9.21,
          p50Ms: 373.69,
          p95Ms: 1860.98,
        },
        { service: "frontend", requests: 7212, failedRequests: 0, failurePct: 0, p50Ms: 80.1, p95Ms: null },
      ],
    });
  });

  it("reads datetime columns as the SDK's Date values", async () => {
    const { client } = cannedAzure(200, {
      tables: [
        {
          name: "PrimaryResult",
          columns: [
            { name: "TimeGenerated", type: "datetime" },
            { name: "AppRoleName", type: "string" },
            { name: "Requests", type: "long" },
            { name: "FailedRequests", type: "long" },
            { name: "FailurePct", type: "real" },
            { name: "P95Ms", type: "real" },
          ],
          rows: [
            ["2026-03-02T11:05:00Z", "frontend", 10, 1, 10, 200],
            ["2026-03-02T11:00:00Z", "frontend", 20, 0, 0, 150],
          ],
        },
      ],
    });
    const series = mapRequestSeries(await runQuery(client, WORKSPACE, query, 4_000));
    expect(series).toEqual({
      kind: "ok",
      value: [
        {
          service: "frontend",
          points: [
            {
              time: new Date("2026-03-02T11:00:00Z"),
              requests: 20,
              failedRequests: 0,
              failurePct: 0,
              p95Ms: 150,
            },
            {
              time: new Date("2026-03-02T11:05:00Z"),
              requests: 10,
              failedRequests: 1,
              failurePct: 10,
              p95Ms: 200,
            },
          ],
        },
      ],
    });
  });

  it("turns a partial failure into unknown health with Azure's reason, even with rows present", async () => {
    const { client } = cannedAzure(200, {
      tables: [serviceHealthTable],
      error: {
        code: "PartialError",
        message: "There were some errors when processing your query.",
        details: [
          { code: "EngineError", message: "Something went wrong processing your query on the server." },
        ],
      },
    });
    const result = await runQuery(client, WORKSPACE, query, 4_000);
    expect(result.status).toBe("PartialFailure");
    expect(mapServiceHealth(result)).toEqual({
      kind: "unknown",
      reason:
        "health unknown: service-health returned a partial result (PartialError: There were some errors when processing your query.)",
    });
  });

  it("is unknown, not empty, when the answer lacks a column the mapper needs", async () => {
    const { client } = cannedAzure(200, {
      tables: [
        { name: "PrimaryResult", columns: [{ name: "Name", type: "string" }], rows: [["frontend-home"]] },
      ],
    });
    expect(mapAvailability(await runQuery(client, WORKSPACE, query, 4_000))).toEqual({
      kind: "unknown",
      reason: "health unknown: availability answered without the column Runs",
    });
  });

  it("is unknown when a cell has the wrong type", async () => {
    const { client } = cannedAzure(200, {
      tables: [{ ...serviceHealthTable, rows: [["order_service", "many", 0, 0, 1, 2]] }],
    });
    expect(mapServiceHealth(await runQuery(client, WORKSPACE, query, 4_000))).toEqual({
      kind: "unknown",
      reason: 'health unknown: service-health answered a long column Requests with "many"',
    });
  });
});

describe("RestError → reason", () => {
  const context = { queryName: "service-health", workspaceId: WORKSPACE, timeoutMs: 4_000 };

  async function reasonFor(status: number, error: unknown, headers?: Record<string, string>) {
    const { client } = cannedAzure(status, { error }, headers);
    try {
      await runQuery(client, WORKSPACE, query, 4_000);
    } catch (thrown) {
      expect(thrown).toMatchObject({ name: "RestError", statusCode: status });
      return describeQueryError(thrown, context).reason;
    }
    throw new Error(`expected HTTP ${status} to throw`);
  }

  it("names the innermost KQL error of a 400", async () => {
    expect(
      await reasonFor(400, {
        code: "BadArgumentError",
        message: "The request had some invalid properties",
        innererror: {
          code: "SemanticError",
          message: "A semantic error occurred.",
          innererror: {
            code: "SEM0100",
            message: "'where' operator: Failed to resolve column or scalar expression named 'DurationMS'",
          },
        },
      }),
    ).toBe(
      "health unknown: service-health: Log Analytics rejected the query (400 BadArgumentError: 'where' operator: Failed to resolve column or scalar expression named 'DurationMS')",
    );
  });

  it.each([
    [
      401,
      "AuthorizationRequiredError",
      "Valid authentication was not provided",
      "Log Analytics did not accept the token (401 AuthorizationRequiredError: Valid authentication was not provided); check the Azure credential",
    ],
    [
      403,
      "InsufficientAccessError",
      "The provided credentials have insufficient access to perform the requested operation",
      `no read access to workspace ${WORKSPACE} (403 InsufficientAccessError: The provided credentials have insufficient access to perform the requested operation); the identity needs the Log Analytics Reader role`,
    ],
    [
      404,
      "PathNotFoundError",
      "The requested path does not exist",
      `workspace ${WORKSPACE} was not found (404 PathNotFoundError: The requested path does not exist); check the workspace id and endpoint`,
    ],
    [
      429,
      "ThrottledError",
      "Too many requests",
      "Log Analytics is throttling queries (429 ThrottledError: Too many requests); try again shortly",
    ],
    [
      503,
      "ServiceUnavailableError",
      "The service is temporarily unavailable.",
      "Log Analytics is unavailable (503 ServiceUnavailableError: The service is temporarily unavailable.)",
    ],
  ])("explains HTTP %s", async (status, code, message, expected) => {
    expect(await reasonFor(status, { code, message })).toBe(`health unknown: service-health: ${expected}`);
  });

  it("explains a timeout, a credential failure and anything else without throwing", () => {
    const abort = Object.assign(new Error("The operation was aborted."), { name: "AbortError" });
    const noIdentity = Object.assign(
      new Error("WorkloadIdentityCredential: is unavailable.\nSee the guide"),
      {
        name: "CredentialUnavailableError",
      },
    );
    expect(describeQueryError(abort, context).reason).toBe(
      "health unknown: service-health: Log Analytics did not answer within 4000 ms",
    );
    expect(describeQueryError(noIdentity, context).reason).toBe(
      "health unknown: service-health: could not get an Azure token (CredentialUnavailableError: WorkloadIdentityCredential: is unavailable.)",
    );
    expect(describeQueryError("boom", context)).toEqual({
      kind: "unknown",
      reason: "health unknown: service-health: unexpected failure: boom",
    });
  });
});
