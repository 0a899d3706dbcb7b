/**
 * Reads what the simulator needs from a query request: the query's name (its leading
 * `// query: <name>` comment), its `let` parameters, and the request's `timespan`. The simulator does
 * not run KQL; it recognises Release Desk's named queries and computes their answers itself.
 */

export type LetValue =
  | { kind: "datetime"; ms: number }
  | { kind: "timespan"; ms: number }
  | { kind: "long"; value: number }
  | { kind: "string"; value: string };

export interface ParsedQuery {
  name: string | null;
  lets: Map<string, LetValue>;
}

const UNIT_MS: Record<string, number> = {
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  s: 1_000,
  sec: 1_000,
  second: 1_000,
  seconds: 1_000,
  ms: 1,
  milli: 1,
  millis: 1,
  millisecond: 1,
  milliseconds: 1,
};

export function parseQuery(text: string, now: Date): ParsedQuery {
  const name = /^\s*\/\/\s*query:\s*([\w-]+)\s*$/m.exec(text.split("\n", 1)[0] ?? "")?.[1] ?? null;
  const lets = new Map<string, LetValue>();
  for (const match of text.matchAll(/^\s*let\s+(\w+)\s*=\s*([^;\n]+?)\s*;/gm)) {
    const value = parseLiteral(match[2]!, now);
    if (value) lets.set(match[1]!, value);
  }
  return { name, lets };
}

/** The literal forms the queries use; anything else (a tabular `let`) is not a parameter. */
export function parseLiteral(literal: string, now: Date): LetValue | null {
  const datetime = /^datetime\(\s*([^)]+?)\s*\)$/.exec(literal);
  if (datetime) {
    const raw = datetime[1]!;
    // KQL reads a datetime without a zone as UTC.
    const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) || !raw.includes("T") ? raw : `${raw}Z`);
    return Number.isNaN(ms) ? null : { kind: "datetime", ms };
  }
  const relative = /^now\(\s*([^)]*)\)$/.exec(literal);
  if (relative) {
    const offset = relative[1] ? parseTimespan(relative[1]) : 0;
    return offset === null ? null : { kind: "datetime", ms: now.getTime() + offset };
  }
  const wrapped = /^(?:timespan|time)\(\s*([^)]+?)\s*\)$/.exec(literal);
  const timespan = parseTimespan(wrapped ? wrapped[1]! : literal);
  if (timespan !== null) return { kind: "timespan", ms: timespan };
  if (/^-?\d+$/.test(literal)) return { kind: "long", value: Number(literal) };
  const string = /^"((?:[^"\\]|\\.)*)"$|^'((?:[^'\\]|\\.)*)'$/.exec(literal);
  if (string) return { kind: "string", value: string[1] ?? string[2] ?? "" };
  return null;
}

function parseTimespan(text: string): number | null {
  const match = /^(-?\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(text.trim());
  const unit = match ? UNIT_MS[match[2]!.toLowerCase()] : undefined;
  return match && unit !== undefined ? Number(match[1]) * unit : null;
}

/**
 * The request body's `timespan`: an ISO 8601 interval (`start/end`, `start/duration`,
 * `duration/end`) or a bare duration ending now. Azure applies it on top of the query's filters.
 */
export function parseRequestTimespan(timespan: unknown, now: Date): { start: number; end: number } | null {
  if (typeof timespan !== "string" || timespan.trim() === "") return null;
  const [first, second] = timespan.split("/");
  if (second === undefined) {
    const duration = parseIsoDuration(first!);
    return duration === null ? null : { start: now.getTime() - duration, end: now.getTime() };
  }
  const startDate = Date.parse(first!);
  const endDate = Date.parse(second);
  if (!Number.isNaN(startDate) && !Number.isNaN(endDate)) return { start: startDate, end: endDate };
  if (!Number.isNaN(startDate)) {
    const duration = parseIsoDuration(second);
    return duration === null ? null : { start: startDate, end: startDate + duration };
  }
  const duration = parseIsoDuration(first!);
  return duration === null || Number.isNaN(endDate) ? null : { start: endDate - duration, end: endDate };
}

function parseIsoDuration(text: string): number | null {
  const match =
    /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      text.trim(),
    );
  if (!match || text.trim() === "P" || text.trim().endsWith("T")) return null;
  const [, d = "0", h = "0", m = "0", s = "0"] = match;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60_000 + Number(s) * 1_000;
}
