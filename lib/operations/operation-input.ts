import { z } from "zod";

/** The fixed facts a step needs, written with the decision (JSON column `input`). */
export const mergeInputSchema = z.object({ pullNumber: z.number().int().positive(), headSha: z.string() });
export const teardownInputSchema = z.object({ namespace: z.string().min(1) });
