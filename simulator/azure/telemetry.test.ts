import { describe, expect, it } from "vitest";
import { ANSWERS, type ResultTable } from "./answers";
import { parseQuery } from "./kql-request";
import { SERVICES } from "./profiles";
import { availabilityRows, requestRows } from "./telemetry";
import type { TelemetryDeployment, TelemetrySource } from "./types";

const at = (time: string) => new Date(`2026-03-02T${time}:00.000Z`);
const deployments: TelemetryDeployment[] = [
  {
    environment: "production",
    sha: "good",
    namespace: "shop",
    startedAt: at("00:00"),
    endedAt: at("10:00"),
    degraded: false,
  },
  {
    environment: "production",
    sha: "bad",
    namespace: "shop",
    startedAt: at("10:00"),
    endedAt: at("11:00"),
    degraded: true,
  },
  {
    environment: "production",
    sha: "good",
    namespace: "shop",
    startedAt: at("11:00"),
    endedAt: null,
    degraded: false,
  },
  {
    environment: "staging",
    sha: "rc",
    namespace: "staging-rc",
    startedAt: at("09:00"),
    endedAt: at("09:40"),
    degraded: false,
  },
];
const source: TelemetrySource = { now: () => at("23:00"), deployments: () => deployments };

function answer(name: string, environment: "staging" | "production", end: string, extra = ""): ResultTable {
  const text = `// query: ${name}\nlet End = datetime(2026-03-02T${end}:00Z);\nlet Window = 60m;\n${extra}`;
  return ANSWERS[name]!({ source, environment, lets: parseQuery(text, source.now()).lets, timespan: null });
}

function byService(table: ResultTable): Record<string, Record<string, unknown>> {
  const names = table.columns.map((c) => c.name);
  return Object.fromEntries(
    table.rows.map((row) => [String(row[0]), Object.fromEntries(row.map((cell, i) => [names[i], cell]))]),
  );
}

describe("synthetic telemetry", () => {
  it("has a healthy baseline for every service across a day", () => {
    for (const end of ["02:00", "05:00", "08:00", "14:00", "20:00"]) {
      const figures = byService(answer("service-health", "production", end));
      for (const service of SERVICES) {
        const f = figures[service]!;
        expect(f.FailurePct, `${service} at ${end}`).toBeGreaterThanOrEqual(0.2);
        expect(f.FailurePct, `${service} at ${end}`).toBeLessThanOrEqual(1.5);
        expect(f.P95Ms, `${service} at ${end}`).toBeGreaterThan(100);
        expect(f.P95Ms, `${service} at ${end}`).toBeLessThan(320);
      }
    }
  });

  it("follows the deployment active at each time: degraded, then restored by the rollback", () => {
    const degraded = byService(answer("service-health", "production", "11:00"));
    expect(degraded.order_service!.FailurePct).toBeGreaterThan(7);
    expect(degraded.order_service!.P95Ms).toBeGreaterThan(1000);
    expect(degraded.product_service!.FailurePct).toBeLessThan(1.5);
    const restored = byService(answer("service-health", "production", "12:00"));
    expect(restored.order_service!.FailurePct).toBeLessThan(1.5);
  });

  it("shows the degraded release's exceptions, RabbitMQ failures and failing availability test", () => {
    const exceptions = answer("top-exceptions", "production", "11:00", "let TopN = 5;\n");
    expect(exceptions.rows.filter((r) => r[0] === "order_service").map((r) => r[1])).toContain(
      "pika.exceptions.AMQPConnectionError",
    );
    const dependencies = answer("dependency-failures", "production", "11:00");
    const rabbit = dependencies.rows.find((r) => r[0] === "order_service" && r[1] === "RabbitMQ")!;
    expect(rabbit[5]).toBeGreaterThan(10);
    expect(dependencies.rows.some((r) => r[1] === "Azure blob")).toBe(true);
    const availability = answer("availability", "production", "11:00");
    expect(availability.rows.find((r) => r[0] === "order_service-health")![3]).toBeLessThan(99);
  });

  it("has staging telemetry only while a staging deployment is active", () => {
    const rows = requestRows(source, "staging", { start: at("08:00").getTime(), end: at("11:00").getTime() });
    expect(rows.length).toBeGreaterThan(0);
    expect(Math.min(...rows.map((r) => r.TimeGenerated))).toBeGreaterThanOrEqual(at("09:00").getTime());
    expect(Math.max(...rows.map((r) => r.TimeGenerated))).toBeLessThan(at("09:40").getTime());
    expect(
      availabilityRows(source, "staging", { start: at("10:00").getTime(), end: at("11:00").getTime() }),
    ).toEqual([]);
  });

  it("is the same every time it is asked", () => {
    const range = { start: at("09:30").getTime(), end: at("10:30").getTime() };
    expect(requestRows(source, "production", range)).toEqual(requestRows(source, "production", range));
  });

  it("bins the request series by the Interval parameter", () => {
    const series = answer("request-series", "production", "12:00", "let Interval = 15m;\n");
    expect(new Set(series.rows.map((r) => r[0]))).toEqual(
      new Set(["11:00", "11:15", "11:30", "11:45"].map((t) => `2026-03-02T${t}:00.000Z`)),
    );
  });

  it("splits the deploy comparison at T into equal windows", () => {
    const text = "// query: deploy-comparison\nlet T = datetime(2026-03-02T10:00:00Z);\nlet Window = 30m;\n";
    const table = ANSWERS["deploy-comparison"]!({
      source,
      environment: "production",
      lets: parseQuery(text, source.now()).lets,
      timespan: null,
    });
    const order = table.rows.filter((r) => r[0] === "order_service");
    expect(order.map((r) => r[1])).toEqual(["before", "after"]);
    expect(order[0]![4]).toBeLessThan(2);
    expect(order[1]![4]).toBeGreaterThan(5);
  });
});
