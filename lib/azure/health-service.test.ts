import { RestError } from "@azure/core-rest-pipeline";
import { LogsQueryResultStatus, type LogsQueryResult, type LogsTable } from "@azure/monitor-query-logs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createHealthService, type HealthServiceOptions } from "./health-service";
import type { LogsQueryPort } from "./logs-client";
import { DEFAULT_HEALTH_THRESHOLDS } from "./thresholds";

const WORKSPACES = { staging: "ws-staging", production: "ws-production" };
const NOW = new Date("2026-03-02T12:00:00.000Z");

type Cell = LogsTable["rows"][number][number];
const table = (columns: [string, string][], rows: Cell[][]): LogsQueryResult => ({
  status: LogsQueryResultStatus.Success,
  tables: [
    {
      name: "PrimaryResult",
      columnDescriptors: columns.map(([name, type]) => ({ name, type: type as never })),
      rows,
    },
  ],
});

const healthRow = (service: string, failurePct: number, p95: number): Cell[] => [
  service,
  1000,
  failurePct * 10,
  failurePct,
  p95 / 3,
  p95,
];
const answers: Record<string, (query: string) => LogsQueryResult | Error> = {
  "service-health": () =>
    table(
      [
        ["AppRoleName", "string"],
        ["Requests", "long"],
        ["FailedRequests", "long"],
        ["FailurePct", "real"],
        ["P50Ms", "real"],
        ["P95Ms", "real"],
      ],
      [
        healthRow("customer_service", 0.5, 150),
        healthRow("frontend", 0.6, 200),
        healthRow("order_service", 7.2, 300),
        healthRow("product_service", 0.4, 120),
      ],
    ),
  availability: () =>
    table(
      [
        ["Name", "string"],
        ["Runs", "long"],
        ["FailedRuns", "long"],
        ["AvailabilityPct", "real"],
        ["Locations", "long"],
        ["P95Ms", "real"],
      ],
      [
        ["order_service-health", 36, 0, 100, 3, 400],
        ["checkout journey", 12, 3, 75, 3, 900],
      ],
    ),
  "top-exceptions": () =>
    table(
      [
        ["AppRoleName", "string"],
        ["ExceptionType", "string"],
        ["ProblemId", "string"],
        ["SampleMessage", "string"],
        ["Exceptions", "long"],
        ["ServiceExceptions", "long"],
      ],
      [["order_service", "TimeoutError", "TimeoutError at x", "timed out", 40, 50]],
    ),
  "dependency-failures": () =>
    table(
      [
        ["AppRoleName", "string"],
        ["DependencyType", "string"],
        ["Target", "string"],
        ["Calls", "long"],
        ["FailedCalls", "long"],
        ["FailurePct", "real"],
        ["P95Ms", "real"],
      ],
      [
        ["order_service", "RabbitMQ", "rabbitmq:5672", 100, 20, 20, 5000],
        ["product_service", "Azure blob", "x.blob.core.windows.net", 100, 0, 0, 80],
      ],
    ),
  "request-series": () =>
    table(
      [
        ["TimeGenerated", "datetime"],
        ["AppRoleName", "string"],
        ["Requests", "long"],
        ["FailedRequests", "long"],
        ["FailurePct", "real"],
        ["P95Ms", "real"],
      ],
      [[new Date("2026-03-02T11:00:00Z"), "order_service", 100, 7, 7, 300]],
    ),
  "deploy-comparison": () =>
    table(
      [
        ["AppRoleName", "string"],
        ["Phase", "string"],
        ["Requests", "long"],
        ["FailedRequests", "long"],
        ["FailurePct", "real"],
        ["P50Ms", "real"],
        ["P95Ms", "real"],
      ],
      [
        ["order_service", "before", 1000, 8, 0.8, 90, 260],
        ["order_service", "after", 1000, 92, 9.2, 380, 1860],
        ["frontend", "before", 1000, 6, 0.6, 70, 190],
        ["frontend", "after", 1000, 6, 0.6, 70, 190],
      ],
    ),
};

/** Records every query it is asked and answers from `answers` (or an override) by query name. */
function fakeLogs(overrides: Record<string, () => LogsQueryResult | Error> = {}) {
  const calls: { workspaceId: string; name: string; text: string; timeout: number | undefined }[] = [];
  const client: LogsQueryPort = {
    queryWorkspace: (workspaceId, text, _timespan, options) => {
      const name = /^\/\/ query: ([\w-]+)/.exec(text)![1]!;
      calls.push({ workspaceId, name, text, timeout: options?.requestOptions?.timeout });
      const answer = (overrides[name] ?? answers[name]!)(text);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
  return { client, calls };
}

function service(client: LogsQueryPort, options: Partial<HealthServiceOptions> = {}) {
  return createHealthService({
    client,
    workspaces: WORKSPACES,
    thresholds: DEFAULT_HEALTH_THRESHOLDS,
    timeoutMs: 4_000,
    ttlMs: 30_000,
    now: () => NOW,
    ...options,
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("getEnvironmentHealth", () => {
  it("queries the environment's workspace once per named query, each with the timeout", async () => {
    const { client, calls } = fakeLogs();
    await service(client).getEnvironmentHealth("production", 60);
    expect(calls.map((c) => c.name).sort()).toEqual([
      "availability",
      "dependency-failures",
      "request-series",
      "service-health",
      "top-exceptions",
    ]);
    expect(calls.every((c) => c.workspaceId === "ws-production" && c.timeout === 4_000)).toBe(true);
    expect(calls.find((c) => c.name === "service-health")!.text).toContain(
      "let End = datetime(2026-03-02T12:00:00.000Z);\nlet Window = 60m;",
    );
  });

  it("judges services and the environment, attributing availability tests by name", async () => {
    const { client } = fakeLogs();
    const health = await service(client).getEnvironmentHealth("production", 60);
    expect(health.kind).toBe("ok");
    if (health.kind !== "ok") return;
    expect(health.verdict).toBe("unhealthy");
    expect(health.reasons).toEqual([
      "order_service failure rate 7.2% > 5%",
      'test "checkout journey" availability 75.0% < 99%',
    ]);
    const order = health.services.find((s) => s.service === "order_service")!;
    expect(order.availability.map((a) => a.test)).toEqual(["order_service-health"]);
    expect(health.dependencies.kind === "ok" && health.dependencies.value.map((d) => d.kind)).toEqual([
      "rabbitmq",
      "blob",
    ]);
    expect(health.series.kind === "ok" && health.series.value.intervalMinutes).toBe(1);
    expect(health.window).toEqual({ start: new Date("2026-03-02T11:00:00Z"), end: NOW, minutes: 60 });
  });

  it("lists a configured service that sent nothing as no_data", async () => {
    const { client } = fakeLogs();
    const health = await service(client, {
      services: ["order_service", "payment_service"],
    }).getEnvironmentHealth("production", 60);
    const payment =
      health.kind === "ok" ? health.services.find((s) => s.service === "payment_service") : undefined;
    expect(payment).toMatchObject({
      verdict: "no_data",
      figures: null,
      reasons: ["payment_service has no requests in the window"],
    });
  });

  it("serves N concurrent callers with one set of queries, and later callers from the cache", async () => {
    const { client, calls } = fakeLogs();
    const health = service(client);
    const results = await Promise.all(
      Array.from({ length: 25 }, () => health.getEnvironmentHealth("production", 60)),
    );
    expect(new Set(results).size).toBe(1);
    expect(calls).toHaveLength(5);
    await health.getEnvironmentHealth("production", 60);
    expect(calls).toHaveLength(5);
    await health.getEnvironmentHealth("production", 15);
    await health.getEnvironmentHealth("staging", 60);
    expect(calls).toHaveLength(15);
  });

  it("once the TTL has passed, answers from the last value at once while one refresh queries again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { client, calls } = fakeLogs();
    const health = service(client, { ttlMs: 10_000 });
    const first = await health.getEnvironmentHealth("production", 60);
    vi.advanceTimersByTime(9_999);
    await health.getEnvironmentHealth("production", 60);
    expect(calls).toHaveLength(5);
    vi.advanceTimersByTime(1);
    const during = await Promise.all([1, 2, 3].map(() => health.getEnvironmentHealth("production", 60)));
    expect(during.every((h) => h === first)).toBe(true);
    expect(calls).toHaveLength(10);
    await vi.waitFor(async () => expect(await health.getEnvironmentHealth("production", 60)).not.toBe(first));
    expect(calls).toHaveLength(10);
  });

  it("waits for fresh queries once the last value is more than four TTLs past expiry", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { client, calls } = fakeLogs();
    const health = service(client, { ttlMs: 10_000 });
    const first = await health.getEnvironmentHealth("production", 60);
    vi.advanceTimersByTime(50_000);
    expect(await health.getEnvironmentHealth("production", 60)).not.toBe(first);
    expect(calls).toHaveLength(10);
  });

  it("surfaces a failed query as unknown with the reason, and retries it after a few seconds", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const forbidden = new RestError("The provided credentials have insufficient access", {
      statusCode: 403,
      code: "InsufficientAccessError",
    });
    const { client, calls } = fakeLogs({ "service-health": () => forbidden });
    const health = service(client);
    expect(await health.getEnvironmentHealth("production", 60)).toMatchObject({
      kind: "unknown",
      environment: "production",
      reason:
        "health unknown: service-health: no read access to workspace ws-production (403 InsufficientAccessError: The provided credentials have insufficient access); the identity needs the Log Analytics Reader role",
    });
    vi.advanceTimersByTime(5_000);
    await health.getEnvironmentHealth("production", 60);
    expect(calls).toHaveLength(10);
  });

  it("is unknown, never healthy, when availability comes back partial", async () => {
    const partial: LogsQueryResult = {
      status: LogsQueryResultStatus.PartialFailure,
      partialTables: [],
      partialError: { code: "PartialError", message: "There were some errors when processing your query." },
    };
    const { client } = fakeLogs({ availability: () => partial });
    expect(await service(client).getEnvironmentHealth("production", 60)).toMatchObject({
      kind: "unknown",
      reason:
        "health unknown: availability returned a partial result (PartialError: There were some errors when processing your query.)",
    });
  });

  it("keeps the verdict when only supporting figures fail, and says which", async () => {
    const { client } = fakeLogs({ "top-exceptions": () => new Error("socket hang up") });
    const health = await service(client).getEnvironmentHealth("production", 60);
    expect(health).toMatchObject({
      kind: "ok",
      verdict: "unhealthy",
      exceptions: { kind: "unknown", reason: "health unknown: top-exceptions: Error: socket hang up" },
    });
  });

  it("rejects a window it would not send", () => {
    const { client } = fakeLogs();
    expect(() => service(client).getEnvironmentHealth("production", 0)).toThrow(RangeError);
    expect(() => service(client).getEnvironmentHealth("production", 1.5)).toThrow(RangeError);
  });

  it("refuses inconsistent thresholds up front", () => {
    const { client } = fakeLogs();
    expect(() =>
      service(client, { thresholds: { ...DEFAULT_HEALTH_THRESHOLDS, failurePct: { warn: 6, crit: 5 } } }),
    ).toThrow(/warn <= crit/);
  });
});

describe("getDeployComparison", () => {
  const deployTime = new Date("2026-03-02T11:00:00.000Z");

  it("compares equal windows around the deploy and flags the limits the change crossed", async () => {
    const { client, calls } = fakeLogs();
    const comparison = await service(client).getDeployComparison("production", deployTime, 30);
    expect(calls.map((c) => c.name)).toEqual(["deploy-comparison"]);
    expect(calls[0]!.text).toContain("let T = datetime(2026-03-02T11:00:00.000Z);\nlet Window = 30m;");
    expect(comparison).toMatchObject({
      kind: "ok",
      afterWindowComplete: true,
      before: { verdict: "no_data" },
      after: { verdict: "unhealthy" },
    });
    if (comparison.kind !== "ok") return;
    expect(comparison.crossings).toEqual([
      {
        service: "order_service",
        metric: "failurePct",
        before: 0.8,
        after: 9.2,
        threshold: 5,
        level: "crit",
        direction: "worse",
        text: "order_service failure rate rose from 0.8% to 9.2%, above the crit limit of 5%",
      },
      {
        service: "order_service",
        metric: "p95Ms",
        before: 260,
        after: 1860,
        threshold: 1000,
        level: "crit",
        direction: "worse",
        text: "order_service p95 rose from 260 ms to 1860 ms, above the crit limit of 1000 ms",
      },
    ]);
    const order = comparison.services.find((s) => s.service === "order_service")!;
    expect([order.beforeVerdict.verdict, order.afterVerdict.verdict]).toEqual(["healthy", "unhealthy"]);
  });

  it("says when the after-window is not over yet", async () => {
    const { client } = fakeLogs();
    const comparison = await service(client).getDeployComparison(
      "production",
      new Date("2026-03-02T11:45:00Z"),
      30,
    );
    expect(comparison.kind === "ok" && comparison.afterWindowComplete).toBe(false);
  });

  it("is unknown with the reason when the query fails", async () => {
    const { client } = fakeLogs({
      "deploy-comparison": () =>
        Object.assign(new Error("The operation was aborted."), { name: "AbortError" }),
    });
    expect(await service(client).getDeployComparison("staging", deployTime, 30)).toEqual({
      kind: "unknown",
      environment: "staging",
      deployTime,
      windowMinutes: 30,
      reason: "health unknown: deploy-comparison: Log Analytics did not answer within 4000 ms",
    });
  });
});
