import { z } from "zod";
import { text } from "./acceptance-input";

/** What the rollback confirmation sends; the same schema is the server's check. */
export const rollbackRequestSchema = z.object({
  sha: z
    .string()
    .regex(/^[0-9a-f]{40}$/, "The rollback target must be a full 40-character commit SHA (0-9, a-f)."),
  reason: z
    .string()
    .trim()
    .min(1, "A reason is required to roll production back.")
    .max(2000, "The reason is limited to 2,000 characters."),
  incidentUrl: z
    .string()
    .trim()
    .max(2000, "The incident link is limited to 2,000 characters.")
    .refine((v) => v === "" || isWebUrl(v), "The incident link must be an http(s) URL.")
    .default(""),
});

export type RollbackRequest = z.input<typeof rollbackRequestSchema>;

export function rollbackRequestFrom(form: FormData): RollbackRequest {
  return { sha: text(form, "sha"), reason: text(form, "reason"), incidentUrl: text(form, "incidentUrl") };
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}
