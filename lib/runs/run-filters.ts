import { z } from "zod";

// GitHub's accepted values for the runs `status` filter (statuses and conclusions share it).
export const RUN_STATUS_FILTERS = [
  "queued",
  "in_progress",
  "waiting",
  "completed",
  "success",
  "failure",
  "cancelled",
  "timed_out",
  "action_required",
  "skipped",
] as const;

const optionalText = z
  .string()
  .trim()
  .max(100)
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** Filters as they appear in the URL of /runs; shared by the form and the server. */
export const runFiltersSchema = z.object({
  workflow: optionalText,
  branch: z
    .string()
    .trim()
    .max(255)
    .regex(/^[\w./-]*$/, "A branch name has letters, digits, '.', '_', '-' and '/' only")
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
  status: z
    .union([z.enum(RUN_STATUS_FILTERS), z.literal("")])
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
  actor: z
    .string()
    .trim()
    .max(39)
    .regex(/^[A-Za-z0-9-]*(\[bot\])?$/, "Not a GitHub login")
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
  sha: z
    .string()
    .trim()
    .toLowerCase()
    // GitHub's head_sha filter matches the full SHA only; a prefix would silently find nothing.
    .regex(/^([0-9a-f]{40})?$/, "Enter the full 40-character commit SHA")
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export type RunFilters = z.infer<typeof runFiltersSchema>;

export type ParsedFilters =
  | { ok: true; filters: RunFilters }
  | { ok: false; errors: Partial<Record<keyof RunFilters, string>>; filters: RunFilters };

/** Parses `searchParams`; invalid fields are reported and dropped, so the page still renders. */
export function parseRunFilters(
  params: Record<string, string | string[] | undefined>,
  workflows: readonly string[],
): ParsedFilters {
  const flat = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  ) as Record<string, string | undefined>;
  const parsed = runFiltersSchema.safeParse(flat);
  const errors: Partial<Record<keyof RunFilters, string>> = {};
  let filters: RunFilters;
  if (parsed.success) {
    filters = parsed.data;
  } else {
    const bad = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]) as keyof RunFilters;
      bad.add(key);
      errors[key] ??= issue.message;
    }
    const cleaned = Object.fromEntries(Object.entries(flat).filter(([k]) => !bad.has(k)));
    filters = runFiltersSchema.parse(cleaned);
  }
  if (filters.workflow && !workflows.includes(filters.workflow)) {
    errors.workflow = `Unknown workflow; choose one of ${workflows.join(", ")}`;
    filters = { ...filters, workflow: undefined };
  }
  return Object.keys(errors).length ? { ok: false, errors, filters } : { ok: true, filters };
}
