import { RestError } from "@azure/core-rest-pipeline";
import { LogsQueryResultStatus, type LogsQueryResult } from "@azure/monitor-query-logs";
import { describe, expect, it } from "vitest";
import type { LogsQueryPort } from "@/lib/azure/logs-client";
import { pingWorkspace, PING_QUERY } from "./ping-workspace";

interface Asked {
  workspaceId: string;
  query: string;
  timeout: number | undefined;
}

/** Answers every query with `answer` and records what it was asked. */
function fakeLogs(answer: () => LogsQueryResult | Error): { client: LogsQueryPort; asked: Asked[] } {
  const asked: Asked[] = [];
  const client: LogsQueryPort = {
    queryWorkspace: (workspaceId, query, _timespan, options) => {
      asked.push({ workspaceId, query, timeout: options?.requestOptions?.timeout });
      const result = answer();
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    },
  };
  return { client, asked };
}

const okTable = (value: number): LogsQueryResult => ({
  status: LogsQueryResultStatus.Success,
  tables: [{ name: "PrimaryResult", columnDescriptors: [{ name: "ok", type: "long" }], rows: [[value]] }],
});

let tick = 0;
const clock = () => (tick += 25);

describe("pingWorkspace", () => {
  it("sends the named trivial query to the workspace with the timeout, and passes on ok = 1", async () => {
    const { client, asked } = fakeLogs(() => okTable(1));

    const outcome = await pingWorkspace(client, "ws-1", 4_000, clock);

    expect(outcome).toEqual({ ok: true, elapsedMs: 25 });
    expect(asked).toEqual([{ workspaceId: "ws-1", query: "// query: ping\nprint ok = 1\n", timeout: 4_000 }]);
    expect(PING_QUERY.text.startsWith("// query: ping\n")).toBe(true);
  });

  it("turns a refused query into a reason naming the workspace and the missing role", async () => {
    const { client } = fakeLogs(
      () => new RestError("Forbidden", { statusCode: 403, code: "InsufficientAccessError" }),
    );

    const outcome = await pingWorkspace(client, "ws-1", 4_000, clock);

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.statusCode).toBe(403);
    expect(outcome.reason).toMatch(/^no read access to workspace ws-1 \(403 /);
    expect(outcome.reason).toContain("Log Analytics Reader");
  });

  it("reports a simulator that does not know the query as the 400 it answered", async () => {
    const { client } = fakeLogs(
      () =>
        new RestError("Query could not be parsed: unknown query 'ping'", {
          statusCode: 400,
          code: "BadArgumentError",
        }),
    );

    const outcome = await pingWorkspace(client, "ws-1", 4_000, clock);

    expect(outcome).toMatchObject({ ok: false, statusCode: 400 });
    if (!outcome.ok) expect(outcome.reason).toContain("Log Analytics rejected the query (400");
  });

  it("does not pass a partial result or a wrong answer", async () => {
    const partial = fakeLogs(() => ({
      status: LogsQueryResultStatus.PartialFailure,
      partialTables: [],
      partialError: { name: "Error", code: "PartialError", message: "some shards failed" },
    }));
    const wrong = fakeLogs(() => okTable(0));

    expect(await pingWorkspace(partial.client, "ws-1", 4_000, clock)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("partial result (PartialError: some shards failed)") as string,
    });
    expect(await pingWorkspace(wrong.client, "ws-1", 4_000, clock)).toMatchObject({ ok: false });
  });
});
