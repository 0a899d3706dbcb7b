import { describe, expect, it } from "vitest";
import { assertValidThresholds } from "@/lib/azure/thresholds";
import { healthThresholdsFromConfig } from "./health-thresholds";

describe("healthThresholdsFromConfig", () => {
  it("groups the configured limits by metric as the verdict expects", () => {
    const thresholds = healthThresholdsFromConfig({
      failureWarnPct: 2,
      failureCritPct: 5,
      p95WarnMs: 800,
      p95CritMs: 1500,
      availabilityMinPct: 99,
    });
    expect(thresholds).toEqual({
      failurePct: { warn: 2, crit: 5 },
      p95Ms: { warn: 800, crit: 1500 },
      availabilityPct: { min: 99 },
    });
    expect(() => assertValidThresholds(thresholds)).not.toThrow();
  });
});
