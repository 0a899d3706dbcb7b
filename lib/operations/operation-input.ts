import { z } from "zod";

/** The fixed facts a step needs, written with the decision (JSON column `input`). */
/** `pullNumber` is null when no pull request was open at acceptance: the merge step opens one. */
export const mergeInputSchema = z.object({
  pullNumber: z.number().int().positive().nullable(),
  headSha: z.string(),
});
export const teardownInputSchema = z.object({ namespace: z.string().min(1) });
