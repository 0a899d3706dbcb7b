import { describe, expect, it } from "vitest";
import { formatFrequency, formatRate, formatSpan } from "./format-dora";

describe("DORA figures in words", () => {
  it("writes spans in the unit a person reads best", () => {
    expect(formatSpan(null)).toBe("—");
    expect(formatSpan(30_000)).toBe("under 1 min");
    expect(formatSpan(80 * 60_000)).toBe("1 h 20 min");
    expect(formatSpan(45 * 60_000)).toBe("45 min");
    expect(formatSpan(4_280 * 60_000)).toBe("3.0 days");
  });

  it("writes frequency per week, or per day when daily", () => {
    expect(formatFrequency(0.25)).toBe("1.8 per week");
    expect(formatFrequency(3)).toBe("3.0 per day");
    expect(formatFrequency(0)).toBe("0.0 per week");
  });

  it("writes rates as percentages", () => {
    expect(formatRate(1 / 3)).toBe("33.3 %");
    expect(formatRate(0)).toBe("0 %");
    expect(formatRate(null)).toBe("—");
  });
});
