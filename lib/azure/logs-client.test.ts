import { LogsQueryResultStatus } from "@azure/monitor-query-logs";
import { describe, expect, it } from "vitest";
import { normaliseLogsEndpoint, runQuery, type LogsQueryPort } from "./logs-client";
import { serviceHealthQuery } from "./queries/service-health";

describe("normaliseLogsEndpoint", () => {
  it.each([
    ["https://api.loganalytics.io/v1", "https://api.loganalytics.io/v1"],
    ["https://api.loganalytics.io", "https://api.loganalytics.io/v1"],
    ["https://api.loganalytics.io/", "https://api.loganalytics.io/v1"],
    ["https://127.0.0.1:4011/v1/", "https://127.0.0.1:4011/v1"],
    ["https://proxy.example.com/loganalytics/v1", "https://proxy.example.com/loganalytics/v1"],
  ])("accepts %s as %s", (input, expected) => {
    expect(normaliseLogsEndpoint(input)).toBe(expected);
  });

  it.each([
    ["http://127.0.0.1:4011/v1", /must use https/],
    ["https://api.loganalytics.io/v2", /must end in \/v1/],
    ["https://api.loganalytics.io/v1?x=1", /must not have a query/],
    ["not a url", /is not a URL/],
  ])("rejects %s", (input, message) => {
    expect(() => normaliseLogsEndpoint(input)).toThrow(message);
  });
});

describe("runQuery", () => {
  it("passes the timeout as requestOptions.timeout, where 1.0.0 honours it, and the query's own timespan", async () => {
    const calls: Parameters<LogsQueryPort["queryWorkspace"]>[] = [];
    const client: LogsQueryPort = {
      queryWorkspace: (...args) => {
        calls.push(args);
        return Promise.resolve({ status: LogsQueryResultStatus.Success, tables: [] });
      },
    };
    const query = serviceHealthQuery({ end: new Date("2026-03-02T12:00:00Z"), windowMinutes: 15 });
    await runQuery(client, "ws", query, 2_500);
    expect(calls).toEqual([
      [
        "ws",
        query.text,
        { startTime: new Date("2026-03-02T11:45:00Z"), endTime: new Date("2026-03-02T12:00:00Z") },
        { requestOptions: { timeout: 2_500 }, serverTimeoutInSeconds: 3 },
      ],
    ]);
    expect(calls[0]![3]).not.toHaveProperty("abortSignal");
  });
});
