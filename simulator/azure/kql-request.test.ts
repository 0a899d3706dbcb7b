import { describe, expect, it } from "vitest";
import { parseLiteral, parseQuery, parseRequestTimespan } from "./kql-request";

const now = new Date("2026-03-02T12:00:00.000Z");

describe("parseQuery", () => {
  it("reads the name from the leading comment and the let parameters", () => {
    const parsed = parseQuery(
      [
        "// query: deploy-comparison",
        "let T = datetime(2026-03-02T10:00:00.000Z);",
        "let Window = 30m;",
        "let TopN = 5;",
        "let Scoped = AppExceptions",
        "    | where TimeGenerated > T;",
        "AppRequests | take 1",
      ].join("\n"),
      now,
    );
    expect(parsed.name).toBe("deploy-comparison");
    expect(Object.fromEntries(parsed.lets)).toEqual({
      T: { kind: "datetime", ms: Date.parse("2026-03-02T10:00:00Z") },
      Window: { kind: "timespan", ms: 30 * 60_000 },
      TopN: { kind: "long", value: 5 },
    });
  });

  it("has no name when the first line is not the name comment", () => {
    expect(parseQuery("AppRequests | take 1\n// query: service-health", now).name).toBeNull();
  });
});

describe("parseLiteral", () => {
  it.each([
    ["datetime(2026-03-02T10:00:00Z)", { kind: "datetime", ms: Date.parse("2026-03-02T10:00:00Z") }],
    ["datetime(2026-03-02T10:00:00)", { kind: "datetime", ms: Date.parse("2026-03-02T10:00:00Z") }],
    ["datetime(2026-03-02)", { kind: "datetime", ms: Date.parse("2026-03-02T00:00:00Z") }],
    ["now()", { kind: "datetime", ms: now.getTime() }],
    ["now(-1h)", { kind: "datetime", ms: now.getTime() - 3_600_000 }],
    ["1h", { kind: "timespan", ms: 3_600_000 }],
    ["90s", { kind: "timespan", ms: 90_000 }],
    ["1.5d", { kind: "timespan", ms: 129_600_000 }],
    ["timespan(15m)", { kind: "timespan", ms: 900_000 }],
    ["42", { kind: "long", value: 42 }],
    ['"order_service"', { kind: "string", value: "order_service" }],
    ["AppRequests", null],
    ["datetime(nonsense)", null],
  ])("%s", (literal, expected) => {
    expect(parseLiteral(literal, now)).toEqual(expected);
  });
});

describe("parseRequestTimespan", () => {
  const at = (iso: string) => Date.parse(iso);
  it.each([
    [
      "2026-03-02T11:00:00.000Z/2026-03-02T12:00:00.000Z",
      { start: at("2026-03-02T11:00:00Z"), end: at("2026-03-02T12:00:00Z") },
    ],
    [
      "2026-03-02T11:00:00.000Z/PT30M",
      { start: at("2026-03-02T11:00:00Z"), end: at("2026-03-02T11:30:00Z") },
    ],
    ["PT1H/2026-03-02T11:00:00.000Z", { start: at("2026-03-02T10:00:00Z"), end: at("2026-03-02T11:00:00Z") }],
    ["P1DT2H", { start: now.getTime() - 26 * 3_600_000, end: now.getTime() }],
    ["P", null],
    ["garbage", null],
    [undefined, null],
  ])("%s", (timespan, expected) => {
    expect(parseRequestTimespan(timespan, now)).toEqual(expected);
  });
});
