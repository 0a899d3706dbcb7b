import { describe, expect, it } from "vitest";
import { assembleEnvironmentHealth, type EnvironmentHealthInput } from "@/lib/azure/environment-health";
import type { ServiceFigures } from "@/lib/azure/map-service-health";
import { DEFAULT_HEALTH_THRESHOLDS } from "@/lib/azure/thresholds";
import { environmentVerdictSummary, seriesSummary, toHealthPanelView } from "./health-panel-view";

const END = new Date("2026-03-02T12:00:00Z");
const WINDOW = { start: new Date(END.getTime() - 15 * 60_000), end: END, minutes: 15 };
const SERVICES = ["frontend", "order_service"];

const figures = (service: string, requests: number, failurePct: number, p95Ms: number): ServiceFigures => ({
  service,
  requests,
  failedRequests: Math.round((requests * failurePct) / 100),
  failurePct,
  p50Ms: p95Ms / 3,
  p95Ms,
});

function health(overrides: Partial<EnvironmentHealthInput> = {}) {
  return assembleEnvironmentHealth({
    environment: "production",
    window: WINDOW,
    thresholds: DEFAULT_HEALTH_THRESHOLDS,
    services: SERVICES,
    availabilityTests: {},
    serviceHealth: {
      kind: "ok",
      value: [figures("frontend", 1800, 0.6, 190), figures("order_service", 540, 7.2, 300)],
    },
    availability: { kind: "ok", value: [] },
    exceptions: { kind: "ok", value: [{ service: "order_service", total: 42, top: [] }] },
    dependencies: { kind: "ok", value: [] },
    series: {
      kind: "ok",
      value: {
        intervalMinutes: 1,
        services: [
          {
            service: "order_service",
            points: [
              { time: END, requests: 36, failedRequests: 0, failurePct: 0.5, p95Ms: 250 },
              { time: END, requests: 36, failedRequests: 4, failurePct: 11, p95Ms: 1900 },
            ],
          },
        ],
      },
    },
    ...overrides,
  });
}

describe("toHealthPanelView", () => {
  it("names the degraded service and why, with figures per service", () => {
    const view = toHealthPanelView(health(), 15);
    expect(view.verdict).toMatchObject({ kind: "unhealthy", label: "Unhealthy" });
    expect(view.reasons).toEqual(["order_service failure rate 7.2% > 5%"]);
    const order = view.services.find((s) => s.service === "order_service");
    expect(order).toMatchObject({
      verdict: { label: "Unhealthy" },
      requestRate: "36/min",
      failure: "7.2%",
      p95: "300 ms",
      exceptions: "42",
    });
    expect(order?.chart?.points).toHaveLength(2);
    const frontend = view.services.find((s) => s.service === "frontend");
    expect(frontend).toMatchObject({ verdict: { label: "Healthy" }, exceptions: "0", chart: null });
    expect(view.message).toBeNull();
  });

  it("shows an unknown read as unknown with its reason, never as healthy", () => {
    const view = toHealthPanelView(
      { kind: "unknown", environment: "staging", reason: "health unknown: query timed out after 15 s" },
      60,
    );
    expect(view.verdict).toMatchObject({ kind: "unknown", tone: "waiting" });
    expect(view.message).toBe("health unknown: query timed out after 15 s");
    expect(view.services).toEqual([]);
  });

  it("tells which variable to set when an environment has no workspace", () => {
    const view = toHealthPanelView(
      {
        kind: "not_configured",
        environment: "staging",
        reason: "health not configured: set AZURE_WORKSPACE_STAGING",
      },
      60,
    );
    expect(view.verdict.label).toBe("Not configured");
    expect(environmentVerdictSummary(view).detail).toBe("health not configured: set AZURE_WORKSPACE_STAGING");
  });

  it("says so when no service sent anything, and keeps every expected service as a row", () => {
    const view = toHealthPanelView(health({ serviceHealth: { kind: "ok", value: [] } }), 15);
    expect(view.verdict.kind).toBe("no_data");
    expect(view.message).toBe("no telemetry from any service in the last 15 min");
    expect(view.services.map((s) => [s.service, s.requestRate, s.failure])).toEqual([
      ["frontend", "—", "—"],
      ["order_service", "—", "—"],
    ]);
  });

  it("keeps the verdict when only supporting figures fail, and notes what is missing", () => {
    const view = toHealthPanelView(
      health({
        exceptions: { kind: "unknown", reason: "health unknown: throttled" },
        series: { kind: "unknown", reason: "health unknown: partial result" },
      }),
      15,
    );
    expect(view.verdict.kind).toBe("unhealthy");
    expect(view.services.every((s) => s.exceptions === "—" && s.chart === null)).toBe(true);
    expect(view.notes).toEqual([
      "exceptions: health unknown: throttled",
      "charts: health unknown: partial result",
    ]);
  });
});

describe("environmentVerdictSummary", () => {
  it("gives the worst reason, or says all is within limits", () => {
    expect(environmentVerdictSummary(toHealthPanelView(health(), 15)).detail).toBe(
      "order_service failure rate 7.2% > 5%",
    );
    const healthy = health({
      serviceHealth: {
        kind: "ok",
        value: [figures("frontend", 1800, 0.6, 190), figures("order_service", 540, 0.8, 250)],
      },
    });
    expect(environmentVerdictSummary(toHealthPanelView(healthy, 60))).toMatchObject({
      verdict: { label: "Healthy" },
      detail: "all services within limits over the last 1 h",
    });
  });
});

describe("seriesSummary", () => {
  it("describes the chart's range in words", () => {
    expect(
      seriesSummary(
        [
          { t: 0, requests: 1, failurePct: 0.5, p95Ms: 250 },
          { t: 1, requests: 1, failurePct: 11, p95Ms: 1900 },
        ],
        1,
      ),
    ).toBe("Failure rate 0.50% to 11.0%, p95 250 ms to 1900 ms over 2 bins of 1 min");
  });
});
