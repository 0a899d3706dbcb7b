import { describe, expect, it } from "vitest";
import { assembleDeployComparison } from "@/lib/azure/compare-deploy";
import type { ServiceFigures } from "@/lib/azure/map-service-health";
import { DEFAULT_HEALTH_THRESHOLDS } from "@/lib/azure/thresholds";
import { toDeployHealthView } from "./deploy-health-view";

const T = new Date("2026-03-01T10:00:00Z");
const figures = (service: string, failurePct: number, p95Ms: number): ServiceFigures => ({
  service,
  requests: 1000,
  failedRequests: failurePct * 10,
  failurePct,
  p50Ms: null,
  p95Ms,
});

function compare(now: Date, rows: { service: string; before: ServiceFigures; after: ServiceFigures }[]) {
  return assembleDeployComparison({
    environment: "production",
    deployTime: T,
    windowMinutes: 30,
    now,
    thresholds: DEFAULT_HEALTH_THRESHOLDS,
    services: ["order_service"],
    comparison: { kind: "ok", value: rows },
  });
}

describe("toDeployHealthView", () => {
  it("shows the verdict either side and the limits the deploy crossed, worst news first", () => {
    const view = toDeployHealthView(
      compare(new Date("2026-03-02T00:00:00Z"), [
        {
          service: "order_service",
          before: figures("order_service", 0.9, 260),
          after: figures("order_service", 8.8, 1860),
        },
      ]),
      30,
    );
    expect(view.before).toMatchObject({ label: "Healthy" });
    expect(view.after).toMatchObject({ label: "Unhealthy" });
    expect(view.afterPartial).toBe(false);
    expect(view.crossings).toEqual([
      { text: "order_service failure rate 0.9% → 8.8% (crosses 5%)", direction: "worse" },
      { text: "order_service p95 260 ms → 1860 ms (crosses 1000 ms)", direction: "worse" },
    ]);
  });

  it("lists recoveries after regressions and marks an after window that is still open", () => {
    const view = toDeployHealthView(
      compare(new Date("2026-03-01T10:10:00Z"), [
        {
          service: "order_service",
          before: figures("order_service", 9, 260),
          after: figures("order_service", 0.5, 260),
        },
        {
          service: "frontend",
          before: figures("frontend", 0.5, 200),
          after: figures("frontend", 3, 200),
        },
      ]),
      30,
    );
    expect(view.afterPartial).toBe(true);
    expect(view.crossings.map((c) => c.direction)).toEqual(["worse", "better"]);
    expect(view.crossings[1]?.text).toBe("order_service failure rate 9.0% → 0.5% (crosses 2%)");
  });

  it("has no verdicts, only the reason, when the comparison could not be read", () => {
    const view = toDeployHealthView({ kind: "unknown", reason: "health unknown: throttled" }, 30);
    expect(view).toMatchObject({ before: null, after: null, message: "health unknown: throttled" });
  });
});
