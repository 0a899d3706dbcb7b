import { describe, expect, it } from "vitest";
import type { ServiceFigures } from "./map-service-health";
import { findThresholdCrossings } from "./threshold-crossings";
import { DEFAULT_HEALTH_THRESHOLDS } from "./thresholds";

const figures = (failurePct: number | null, p95Ms: number | null): ServiceFigures => ({
  service: "order_service",
  requests: 1000,
  failedRequests: 0,
  failurePct,
  p50Ms: null,
  p95Ms,
});

const cross = (before: ServiceFigures | null, after: ServiceFigures | null) =>
  findThresholdCrossings([{ service: "order_service", before, after }], DEFAULT_HEALTH_THRESHOLDS);

describe("findThresholdCrossings", () => {
  it("reports the highest limit crossed on the way up", () => {
    expect(cross(figures(1, 200), figures(3, 200))).toMatchObject([
      { metric: "failurePct", level: "warn", threshold: 2, direction: "worse" },
    ]);
    expect(cross(figures(1, 200), figures(9, 200))).toMatchObject([
      { metric: "failurePct", level: "crit", threshold: 5, direction: "worse" },
    ]);
  });

  it("reports the lowest limit crossed on the way down", () => {
    expect(cross(figures(9, 1500), figures(0.5, 200))).toEqual([
      expect.objectContaining({
        metric: "failurePct",
        level: "warn",
        threshold: 2,
        direction: "better",
        text: "order_service failure rate fell from 9.0% to 0.5%, back within the warn limit of 2%",
      }),
      expect.objectContaining({ metric: "p95Ms", level: "warn", threshold: 500, direction: "better" }),
    ]);
  });

  it("treats reaching a limit exactly as not crossing it, like the verdict does", () => {
    expect(cross(figures(1, 200), figures(2, 500))).toEqual([]);
    expect(cross(figures(2, 500), figures(2.01, 500.5))).toHaveLength(2);
  });

  it("reports nothing for a change within the same band, or without figures on one side", () => {
    expect(cross(figures(6, 1200), figures(9, 1900))).toEqual([]);
    expect(cross(null, figures(9, 1900))).toEqual([]);
    expect(cross(figures(0.5, null), figures(0.6, 2000))).toEqual([]);
  });
});
