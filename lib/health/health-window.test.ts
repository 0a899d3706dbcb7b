import { describe, expect, it } from "vitest";
import { parseHealthWindow, windowLabel } from "./health-window";

describe("parseHealthWindow", () => {
  it("reads the three windows a person can pick from the URL", () => {
    expect(parseHealthWindow("15m").minutes).toBe(15);
    expect(parseHealthWindow("1h").minutes).toBe(60);
    expect(parseHealthWindow("24h").minutes).toBe(1440);
  });

  it("falls back to one hour for a missing, unknown or repeated parameter", () => {
    expect(parseHealthWindow(undefined).key).toBe("1h");
    expect(parseHealthWindow("7d").key).toBe("1h");
    expect(parseHealthWindow(["15m", "24h"]).key).toBe("15m");
  });
});

describe("windowLabel", () => {
  it("names known windows and writes others in hours or minutes", () => {
    expect(windowLabel(15)).toBe("15 min");
    expect(windowLabel(1440)).toBe("24 h");
    expect(windowLabel(120)).toBe("2 h");
    expect(windowLabel(30)).toBe("30 min");
  });
});
