import { z } from "zod";

/** What a rollback operation carries (JSON column `input`), fixed when the lead confirms it. */
export const rollbackInputSchema = z.object({
  /** What production ran when the rollback was requested. */
  fromSha: z.string(),
  reason: z.string(),
  incidentUrl: z.string().nullable(),
});

export type RollbackInput = z.infer<typeof rollbackInputSchema>;
