import { z } from "zod";

const DAY_MS = 86_400_000;

const emptyToUndefined = (v: string) => (v === "" ? undefined : v);

/** `YYYY-MM-DD` as an input of type date sends it; a real calendar day, read as UTC. */
const day = z
  .string()
  .trim()
  .refine((v) => v === "" || isCalendarDay(v), "Enter a date as YYYY-MM-DD")
  .transform(emptyToUndefined);

function isCalendarDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const ms = Date.parse(`${v}T00:00:00Z`);
  // Date.parse rejects month 13 (NaN) but rolls 30 February over into March: compare back.
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === v;
}

/** A position in the newest-first list: the event's time (epoch ms) and id, `1764153600000-42`. */
const cursor = z
  .string()
  .trim()
  .regex(/^(\d{1,15}-\d{1,18})?$/, "Not a valid page position; start from the first page")
  .transform(emptyToUndefined);

/** Filters of /audit as they appear in its URL; the export route reads the same ones. */
export const auditFiltersSchema = z
  .object({
    actor: z
      .string()
      .trim()
      .max(100)
      .regex(/^[A-Za-z0-9_.[\]-]*$/, "A login has letters, digits and '-' only")
      .transform(emptyToUndefined)
      .optional(),
    action: z
      .string()
      .trim()
      .max(100)
      .regex(/^[a-z0-9_.-]*$/, "Choose an action from the list")
      .transform(emptyToUndefined)
      .optional(),
    sha: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^([0-9a-f]{4,40})?$/, "Enter a commit SHA or its first 4 or more hex characters")
      .transform(emptyToUndefined)
      .optional(),
    from: day.optional(),
    to: day.optional(),
    before: cursor.optional(),
    after: cursor.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.from > f.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date is before the start date" });
    }
    if (f.before && f.after) {
      ctx.addIssue({ code: "custom", path: ["before"], message: "Use one page position, not two" });
    }
  });

export type AuditFilterValues = z.infer<typeof auditFiltersSchema>;
export type AuditFilterField = keyof AuditFilterValues;

/** What the query needs: validated values, dates turned into a half-open UTC range. */
export interface AuditFilters {
  actor?: string;
  action?: string;
  /** Full SHA (exact) or a prefix of one. */
  sha?: string;
  /** Inclusive lower bound. */
  since?: Date;
  /** Exclusive upper bound: the day after `to`, so `to` itself is included whole. */
  until?: Date;
  before?: { at: Date; id: bigint };
  after?: { at: Date; id: bigint };
}

export type ParsedAuditFilters =
  | { ok: true; filters: AuditFilters; values: AuditFilterValues }
  | { ok: false; errors: Partial<Record<AuditFilterField, string>> };

/** A validated cursor (see `cursor` above) as the event time and id it points at. */
export function parseAuditCursor(value: string): { at: Date; id: bigint } {
  const [ms, id] = value.split("-");
  return { at: new Date(Number(ms)), id: BigInt(id as string) };
}

/** Cursor for an event, for `before`/`after` links. */
export function auditCursor(event: { occurredAt: Date; id: bigint }): string {
  return `${event.occurredAt.getTime()}-${event.id.toString()}`;
}

/**
 * Reads `searchParams`. Any invalid field makes the whole parse fail with a message per field: an
 * audit view silently widened by a dropped filter could be mistaken for the one asked for.
 */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): ParsedAuditFilters {
  const flat: Record<string, string> = {};
  for (const key of ["actor", "action", "sha", "from", "to", "before", "after"] as const) {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) flat[key] = first;
  }
  const parsed = auditFiltersSchema.safeParse(flat);
  if (!parsed.success) {
    const errors: Partial<Record<AuditFilterField, string>> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]) as AuditFilterField;
      errors[key] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const v = parsed.data;
  const filters: AuditFilters = {};
  if (v.actor) filters.actor = v.actor;
  if (v.action) filters.action = v.action;
  if (v.sha) filters.sha = v.sha;
  if (v.from) filters.since = new Date(`${v.from}T00:00:00Z`);
  if (v.to) filters.until = new Date(Date.parse(`${v.to}T00:00:00Z`) + DAY_MS);
  if (v.before) filters.before = parseAuditCursor(v.before);
  if (v.after) filters.after = parseAuditCursor(v.after);
  return { ok: true, filters, values: v };
}
