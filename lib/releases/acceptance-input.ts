import { z } from "zod";

const sha = z.string().regex(/^[0-9a-f]{40}$/, "must be a full 40-character commit SHA");

/** What the acceptance form sends; the same schema validates it in the browser's action and the server. */
export const acceptInputSchema = z.object({
  sha,
  checklist: z.array(z.string().min(1)).default([]),
  notes: z.string().trim().max(4000, "Notes are limited to 4,000 characters.").default(""),
});

export const rejectInputSchema = z.object({
  sha,
  reason: z.string().trim().min(1, "A reason is required to reject a release.").max(4000),
  keepStaging: z.boolean().default(false),
  checklist: z.array(z.string().min(1)).default([]),
});

export type AcceptInput = z.input<typeof acceptInputSchema>;
export type RejectInput = z.input<typeof rejectInputSchema>;

/** Reads the form's fields: ticked checkboxes arrive as repeated `checklist` entries. */
export function acceptInputFrom(form: FormData): AcceptInput {
  return {
    sha: text(form, "sha"),
    checklist: form.getAll("checklist").filter((v): v is string => typeof v === "string"),
    notes: text(form, "notes"),
  };
}

export function rejectInputFrom(form: FormData): RejectInput {
  return {
    sha: text(form, "sha"),
    reason: text(form, "reason"),
    keepStaging: form.get("keepStaging") === "on",
    checklist: form.getAll("checklist").filter((v): v is string => typeof v === "string"),
  };
}

/** A text field's value; a file upload in its place counts as empty. */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
