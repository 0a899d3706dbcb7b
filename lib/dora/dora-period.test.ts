import { describe, expect, it } from "vitest";
import { parseDoraPeriod } from "./dora-period";

describe("the DORA period in the URL", () => {
  it("accepts the offered periods", () => {
    expect(parseDoraPeriod("7")).toBe(7);
    expect(parseDoraPeriod("90")).toBe(90);
    expect(parseDoraPeriod(["7", "90"])).toBe(7);
  });

  it("falls back to 30 days for anything else", () => {
    for (const bad of [undefined, "", "14", "abc", "-7", "7.5", "1e9"]) {
      expect(parseDoraPeriod(bad)).toBe(30);
    }
  });
});
