import { compareText, groupBy, percentOf, percentile, sumItems } from "./aggregate";
import type { LetValue } from "./kql-request";
import type { Environment, RequestRow, TimeRange } from "./rows";
import { availabilityRows, dependencyRows, exceptionRows, requestRows } from "./telemetry";
import type { TelemetrySource } from "./types";

export type ColumnType = "string" | "long" | "real" | "datetime" | "bool";
export type Cell = string | number | boolean | null;

/** One table of the response, in the wire shape: `{ name, columns: [{ name, type }], rows }`. */
export interface ResultTable {
  name: "PrimaryResult";
  columns: { name: string; type: ColumnType }[];
  rows: Cell[][];
}

export interface AnswerContext {
  source: TelemetrySource;
  environment: Environment;
  lets: ReadonlyMap<string, LetValue>;
  /** The request's `timespan`, which Azure applies on top of the query's own time filter. */
  timespan: TimeRange | null;
}

/** Thrown when a query lacks a `let` parameter it needs; answered as Azure's semantic error. */
export class MissingParameterError extends Error {}

type Answer = (context: AnswerContext) => ResultTable;

function table(columns: [string, ColumnType][], rows: Cell[][]): ResultTable {
  return { name: "PrimaryResult", columns: columns.map(([name, type]) => ({ name, type })), rows };
}

function param(context: AnswerContext, name: string, kind: LetValue["kind"]): number {
  const value = context.lets.get(name);
  if (!value || value.kind !== kind || value.kind === "string") {
    throw new MissingParameterError(
      `Failed to resolve scalar expression named '${name}' (expected a ${kind})`,
    );
  }
  return value.kind === "long" ? value.value : value.ms;
}

function intersect(range: TimeRange, timespan: TimeRange | null): TimeRange {
  return timespan
    ? { start: Math.max(range.start, timespan.start), end: Math.min(range.end, timespan.end) }
    : range;
}

/** `[End - Window, End)` intersected with the request timespan. */
function trailingWindow(context: AnswerContext): TimeRange {
  const end = param(context, "End", "datetime");
  return intersect({ start: end - param(context, "Window", "timespan"), end }, context.timespan);
}

const iso = (ms: number) => new Date(ms).toISOString();

function requestFigures(rows: readonly RequestRow[]): Cell[] {
  const requests = sumItems(rows);
  const failed = sumItems(rows, (r) => !r.Success);
  const durations = rows.map((r) => r.DurationMs);
  return [
    requests,
    failed,
    percentOf(failed, requests),
    percentile(durations, 50),
    percentile(durations, 95),
  ];
}

const serviceHealth: Answer = (context) => {
  const rows = requestRows(context.source, context.environment, trailingWindow(context));
  const groups = [...groupBy(rows, (r) => r.AppRoleName)].sort(([a], [b]) => compareText(a, b));
  return table(
    [
      ["AppRoleName", "string"],
      ["Requests", "long"],
      ["FailedRequests", "long"],
      ["FailurePct", "real"],
      ["P50Ms", "real"],
      ["P95Ms", "real"],
    ],
    groups.map(([service, group]) => [service, ...requestFigures(group)]),
  );
};

const topExceptions: Answer = (context) => {
  const top = param(context, "TopN", "long");
  const rows = exceptionRows(context.source, context.environment, trailingWindow(context));
  const result: Cell[][] = [];
  const byService = [...groupBy(rows, (r) => r.AppRoleName)].sort(([a], [b]) => compareText(a, b));
  for (const [service, serviceRows] of byService) {
    const total = sumItems(serviceRows);
    const types = [...groupBy(serviceRows, (r) => r.ExceptionType)]
      .map(([type, group]) => ({ type, group, count: sumItems(group) }))
      .sort((a, b) => b.count - a.count || compareText(a.type, b.type))
      .slice(0, Math.max(0, top));
    for (const { type, group, count } of types) {
      result.push([service, type, group[0]!.ProblemId, group[0]!.OuterMessage, count, total]);
    }
  }
  return table(
    [
      ["AppRoleName", "string"],
      ["ExceptionType", "string"],
      ["ProblemId", "string"],
      ["SampleMessage", "string"],
      ["Exceptions", "long"],
      ["ServiceExceptions", "long"],
    ],
    result,
  );
};

const dependencyFailures: Answer = (context) => {
  const rows = dependencyRows(context.source, context.environment, trailingWindow(context));
  const groups = [
    ...groupBy(rows, (r) => `${r.AppRoleName}\u0000${r.DependencyType}\u0000${r.Target}`).values(),
  ].map((group) => {
    const calls = sumItems(group);
    const failed = sumItems(group, (r) => !r.Success);
    const first = group[0]!;
    return {
      service: first.AppRoleName,
      cells: [
        first.AppRoleName,
        first.DependencyType,
        first.Target,
        calls,
        failed,
        percentOf(failed, calls),
        percentile(
          group.map((r) => r.DurationMs),
          95,
        ),
      ] as Cell[],
      failed,
      target: first.Target,
    };
  });
  groups.sort(
    (a, b) => b.failed - a.failed || compareText(a.service, b.service) || compareText(a.target, b.target),
  );
  return table(
    [
      ["AppRoleName", "string"],
      ["DependencyType", "string"],
      ["Target", "string"],
      ["Calls", "long"],
      ["FailedCalls", "long"],
      ["FailurePct", "real"],
      ["P95Ms", "real"],
    ],
    groups.map((g) => g.cells),
  );
};

const availability: Answer = (context) => {
  const rows = availabilityRows(context.source, context.environment, trailingWindow(context));
  const groups = [...groupBy(rows, (r) => r.Name)].sort(([a], [b]) => compareText(a, b));
  return table(
    [
      ["Name", "string"],
      ["Runs", "long"],
      ["FailedRuns", "long"],
      ["AvailabilityPct", "real"],
      ["Locations", "long"],
      ["P95Ms", "real"],
    ],
    groups.map(([name, group]) => {
      const runs = sumItems(group);
      const failed = sumItems(group, (r) => !r.Success);
      return [
        name,
        runs,
        failed,
        percentOf(runs - failed, runs),
        new Set(group.map((r) => r.Location)).size,
        percentile(
          group.map((r) => r.DurationMs),
          95,
        ),
      ];
    }),
  );
};

const requestSeries: Answer = (context) => {
  const interval = param(context, "Interval", "timespan");
  if (interval <= 0) throw new MissingParameterError("bin(): the bin size must be positive");
  const rows = requestRows(context.source, context.environment, trailingWindow(context));
  const groups = [
    ...groupBy(
      rows,
      (r) => `${Math.floor(r.TimeGenerated / interval) * interval}\u0000${r.AppRoleName}`,
    ).values(),
  ];
  const result = groups.map((group) => {
    const bin = Math.floor(group[0]!.TimeGenerated / interval) * interval;
    const [requests, failed, failurePct, , p95] = requestFigures(group);
    return {
      bin,
      service: group[0]!.AppRoleName,
      cells: [iso(bin), group[0]!.AppRoleName, requests!, failed!, failurePct!, p95!] as Cell[],
    };
  });
  result.sort((a, b) => a.bin - b.bin || compareText(a.service, b.service));
  return table(
    [
      ["TimeGenerated", "datetime"],
      ["AppRoleName", "string"],
      ["Requests", "long"],
      ["FailedRequests", "long"],
      ["FailurePct", "real"],
      ["P95Ms", "real"],
    ],
    result.map((r) => r.cells),
  );
};

const deployComparison: Answer = (context) => {
  const t = param(context, "T", "datetime");
  const window = param(context, "Window", "timespan");
  const rows = requestRows(
    context.source,
    context.environment,
    intersect({ start: t - window, end: t + window }, context.timespan),
  );
  const groups = [
    ...groupBy(rows, (r) => `${r.AppRoleName}\u0000${r.TimeGenerated < t ? "before" : "after"}`).values(),
  ].map((group) => ({
    service: group[0]!.AppRoleName,
    phase: group[0]!.TimeGenerated < t ? "before" : "after",
    group,
  }));
  // `order by AppRoleName asc, Phase desc`: "before" sorts above "after".
  groups.sort((a, b) => compareText(a.service, b.service) || compareText(b.phase, a.phase));
  return table(
    [
      ["AppRoleName", "string"],
      ["Phase", "string"],
      ["Requests", "long"],
      ["FailedRequests", "long"],
      ["FailurePct", "real"],
      ["P50Ms", "real"],
      ["P95Ms", "real"],
    ],
    groups.map(({ service, phase, group }) => [service, phase, ...requestFigures(group)]),
  );
};

/** `// query: ping` — the Setup page's reachability probe (`print ok = 1`). */
const ping: Answer = () => table([["ok", "long"]], [[1]]);

/** Release Desk's named queries, by the name in their `// query: <name>` comment. */
export const ANSWERS: Readonly<Record<string, Answer>> = {
  ping,
  "service-health": serviceHealth,
  "top-exceptions": topExceptions,
  "dependency-failures": dependencyFailures,
  availability,
  "request-series": requestSeries,
  "deploy-comparison": deployComparison,
};
