import { attemptStatusAt } from "../world/run-plan";
import { latest } from "../world/runs";
import type { Run, WorkflowKey } from "../world/types";
import type { World } from "../world/world";

const STATUSES = new Set(["queued", "in_progress", "completed", "waiting", "requested", "pending"]);
const CONCLUSIONS = new Set([
  "success",
  "failure",
  "cancelled",
  "skipped",
  "neutral",
  "timed_out",
  "action_required",
  "stale",
]);
/** GitHub caps results of filtered run searches at 1,000. */
export const FILTERED_CAP = 1000;

export interface RunFilter {
  branch: string | null;
  event: string | null;
  status: string | null;
  actor: string | null;
  headSha: string | null;
  created: [number, number] | null;
}

export function parseRunFilter(q: URLSearchParams): RunFilter | string {
  const created = q.get("created");
  const range = created ? parseCreated(created) : null;
  if (created && !range) return `Invalid created value: ${created}`;
  return {
    branch: q.get("branch") || null,
    event: q.get("event") || null,
    status: q.get("status") || null,
    // Logins are case-insensitive; the world stores them lower-case.
    actor: q.get("actor")?.toLowerCase() || null,
    headSha: q.get("head_sha") || null,
    created: range,
  };
}

export function isFiltered(f: RunFilter): boolean {
  return !!(f.branch || f.event || f.status || f.actor || f.headSha || f.created);
}

/** Matching runs of one workflow (or all), newest first. */
export interface RunPage {
  total: number;
  slice: (start: number, end: number) => Run[];
}

export function queryRuns(world: World, workflow: WorkflowKey | null, f: RunFilter, now: number): RunPage {
  const source = f.headSha
    ? (world.runs.bySha.get(f.headSha) ?? [])
    : workflow
      ? (world.runs.byWorkflow.get(workflow) ?? [])
      : world.runs.all;
  const candidates = workflow && f.headSha ? source.filter((r) => r.workflow === workflow) : source;
  if (!isFiltered(f)) {
    // Unfiltered lists are pages of the (creation-ordered) index read backwards: no scan at 40k runs.
    const n = candidates.length;
    return { total: n, slice: (s, e) => candidates.slice(Math.max(0, n - e), n - s).reverse() };
  }
  const out: Run[] = [];
  const cap = FILTERED_CAP;
  for (let i = candidates.length - 1; i >= 0 && out.length < cap; i--) {
    const run = candidates[i] as Run;
    if (run.attempts[0] && run.attempts[0].createdAt > now) continue;
    if (f.branch && run.headBranch !== f.branch) continue;
    if (f.event && run.event !== f.event) continue;
    if (f.actor && run.actor !== f.actor) continue;
    if (f.created && !inRange(run.attempts[0]?.createdAt ?? 0, f.created)) continue;
    if (f.status && !statusMatches(world, run, f.status, now)) continue;
    out.push(run);
  }
  return { total: out.length, slice: (s, e) => out.slice(s, e) };
}

function statusMatches(world: World, run: Run, wanted: string, now: number): boolean {
  const a = latest(run);
  // Most of a long history is completed: decide on the cached conclusion without planning the run.
  if (CONCLUSIONS.has(wanted))
    return a.completedAt !== null && a.completedAt <= now && a.conclusion === wanted;
  if (wanted === "completed") return a.completedAt !== null && a.completedAt <= now;
  const status = attemptStatusAt(a, a.gate ? world.runs.plan(run, a) : null, now);
  if (STATUSES.has(wanted)) return status === wanted;
  if (CONCLUSIONS.has(wanted)) return status === "completed" && a.conclusion === wanted;
  return false;
}

function inRange(t: number, [min, max]: [number, number]): boolean {
  return t >= min && t <= max;
}

/**
 * GitHub's search date syntax: `2026-03-01`, `>=…`, `>…`, `<=…`, `<…`, `a..b`, `a..*`, `*..b`;
 * dates without a time cover the whole (UTC) day.
 */
export function parseCreated(v: string): [number, number] | null {
  const value = v.trim();
  const range = /^(.+?)\.\.(.+)$/.exec(value);
  if (range) {
    const [, a = "", b = ""] = range;
    const lo = a === "*" ? -Infinity : bound(a, "start");
    const hi = b === "*" ? Infinity : bound(b, "end");
    return lo === null || hi === null ? null : [lo, hi];
  }
  const op = /^(>=|<=|>|<)?(.+)$/.exec(value);
  if (!op) return null;
  const [, sign = "", date = ""] = op;
  const start = bound(date, "start");
  const end = bound(date, "end");
  if (start === null || end === null) return null;
  switch (sign) {
    case ">=":
      return [start, Infinity];
    case ">":
      return [end + 1, Infinity];
    case "<=":
      return [-Infinity, end];
    case "<":
      return [-Infinity, start - 1];
    default:
      return [start, end];
  }
}

function bound(s: string, side: "start" | "end"): number | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const t = Date.parse(`${s}T00:00:00Z`);
    return Number.isNaN(t) ? null : side === "start" ? t : t + 86_400_000 - 1;
  }
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  // A timestamp without milliseconds covers its whole second.
  return side === "end" && !/\.\d+/.test(s) ? t + 999 : t;
}
