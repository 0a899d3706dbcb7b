import { describe, expect, it } from "vitest";
import type { HealthThresholds } from "./thresholds";
import {
  environmentVerdict,
  formatValue,
  serviceVerdict,
  worstVerdict,
  type ServiceVerdictInput,
} from "./verdict";

const thresholds: HealthThresholds = {
  failurePct: { warn: 2, crit: 5 },
  p95Ms: { warn: 500, crit: 1000 },
  availabilityPct: { min: 99 },
};

const healthy: ServiceVerdictInput = {
  service: "order_service",
  requests: 1200,
  failurePct: 0.8,
  p95Ms: 240,
  availabilityPct: 100,
};

const judge = (change: Partial<ServiceVerdictInput>) => serviceVerdict({ ...healthy, ...change }, thresholds);

describe("service verdict at and around each threshold", () => {
  it("is healthy with no reasons when every figure is within its limits", () => {
    expect(judge({})).toEqual({ service: "order_service", verdict: "healthy", reasons: [] });
  });

  it.each([
    [1.99, "healthy", []],
    [2, "healthy", []],
    [2.01, "degraded", ["order_service failure rate 2.01% > 2%"]],
    [3.1, "degraded", ["order_service failure rate 3.1% > 2%"]],
    [5, "degraded", ["order_service failure rate 5.0% > 2%"]],
    [5.04, "unhealthy", ["order_service failure rate 5.04% > 5%"]],
    [5.1, "unhealthy", ["order_service failure rate 5.1% > 5%"]],
    [7.2, "unhealthy", ["order_service failure rate 7.2% > 5%"]],
  ])("failure rate %s%% → %s", (failurePct, verdict, reasons) => {
    expect(judge({ failurePct })).toMatchObject({ verdict, reasons });
  });

  it.each([
    [499, "healthy", []],
    [500, "healthy", []],
    [500.4, "degraded", ["order_service p95 500.4 ms > 500 ms"]],
    [501, "degraded", ["order_service p95 501 ms > 500 ms"]],
    [1000, "degraded", ["order_service p95 1000 ms > 500 ms"]],
    [1001, "unhealthy", ["order_service p95 1001 ms > 1000 ms"]],
    [1860.98, "unhealthy", ["order_service p95 1861 ms > 1000 ms"]],
  ])("p95 %s ms → %s", (p95Ms, verdict, reasons) => {
    expect(judge({ p95Ms })).toMatchObject({ verdict, reasons });
  });

  it.each([
    [99.01, "healthy", []],
    [99, "healthy", []],
    [98.99, "unhealthy", ["order_service availability 98.99% < 99%"]],
    [77.78, "unhealthy", ["order_service availability 77.8% < 99%"]],
  ])("availability %s%% → %s", (availabilityPct, verdict, reasons) => {
    expect(judge({ availabilityPct })).toMatchObject({ verdict, reasons });
  });

  it("ignores availability when the service has no availability test", () => {
    expect(judge({ availabilityPct: null }).verdict).toBe("healthy");
  });

  it("is no_data when the service sent no requests, whatever the other figures", () => {
    expect(judge({ requests: 0, failurePct: null, p95Ms: null })).toEqual({
      service: "order_service",
      verdict: "no_data",
      reasons: ["order_service has no requests in the window"],
    });
  });

  it("lists every breached limit, the worst first", () => {
    expect(judge({ failurePct: 3, p95Ms: 1500, availabilityPct: 90 })).toEqual({
      service: "order_service",
      verdict: "unhealthy",
      reasons: [
        "order_service p95 1500 ms > 1000 ms",
        "order_service availability 90.0% < 99%",
        "order_service failure rate 3.0% > 2%",
      ],
    });
  });

  it("does not treat a missing p95 as a breach", () => {
    expect(judge({ p95Ms: null }).verdict).toBe("healthy");
  });
});

describe("environment verdict", () => {
  const service = (
    name: string,
    verdict: "healthy" | "degraded" | "unhealthy" | "no_data",
    reasons: string[] = [],
  ) => ({
    service: name,
    verdict,
    reasons,
  });

  it("is the worst service's verdict, with all reasons worst first", () => {
    expect(
      environmentVerdict([
        service("frontend", "degraded", ["frontend failure rate 3.6% > 2%"]),
        service("order_service", "unhealthy", ["order_service failure rate 9.2% > 5%"]),
        service("product_service", "healthy"),
      ]),
    ).toEqual({
      verdict: "unhealthy",
      reasons: ["order_service failure rate 9.2% > 5%", "frontend failure rate 3.6% > 2%"],
    });
  });

  it("is never healthy while a service is silent", () => {
    expect(
      environmentVerdict([service("frontend", "healthy"), service("order_service", "no_data", ["x"])])
        .verdict,
    ).toBe("no_data");
  });

  it("ranks degraded above no data, and unhealthy above both", () => {
    expect(worstVerdict(["no_data", "degraded"])).toBe("degraded");
    expect(worstVerdict(["unhealthy", "no_data", "degraded"])).toBe("unhealthy");
    expect(worstVerdict([])).toBe("healthy");
  });

  it("is no_data when there are no services at all", () => {
    expect(environmentVerdict([])).toEqual({
      verdict: "no_data",
      reasons: ["no services reported telemetry"],
    });
  });
});

describe("formatValue", () => {
  it("never prints a value equal to the limit it exceeds", () => {
    expect(formatValue(5.001, 5)).toBe("5.001");
    expect(formatValue(1000.4, 1000, 0)).toBe("1000.4");
    expect(formatValue(7.25, 5)).toBe("7.3");
  });
});
