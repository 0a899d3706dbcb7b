import { describe, expect, it } from "vitest";
import { formatCount, formatMs, formatPercent, formatRequestRate } from "./format-figures";

describe("health figure formatting", () => {
  it("writes request rates per minute, with a decimal only for low traffic", () => {
    expect(formatRequestRate(7200, 60)).toBe("120/min");
    expect(formatRequestRate(45, 15)).toBe("3/min");
    expect(formatRequestRate(50, 15)).toBe("3.3/min");
  });

  it("keeps small failure rates visible instead of rounding them to zero", () => {
    expect(formatPercent(0.04)).toBe("0.04%");
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatPercent(7.24)).toBe("7.2%");
  });

  it("shows a dash, never 0, where there is no figure", () => {
    expect(formatRequestRate(null, 15)).toBe("—");
    expect(formatPercent(null)).toBe("—");
    expect(formatMs(null)).toBe("—");
    expect(formatCount(null)).toBe("—");
    expect(formatMs(1860.4)).toBe("1860 ms");
    expect(formatCount(1234)).toBe("1,234");
  });
});
