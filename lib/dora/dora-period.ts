import { z } from "zod";

/** The periods the DORA panel offers, in days. */
export const DORA_PERIODS = [7, 30, 90] as const;
export type DoraPeriodDays = (typeof DORA_PERIODS)[number];
export const DEFAULT_DORA_PERIOD: DoraPeriodDays = 30;

/** The URL parameter of /production that selects the period (`?doraDays=90`). */
export const DORA_PERIOD_PARAM = "doraDays";

// Anything else in the URL (a typo, an edited link) falls back to the default instead of failing.
const periodSchema = z.coerce.number().pipe(z.literal(DORA_PERIODS)).catch(DEFAULT_DORA_PERIOD);

export function parseDoraPeriod(value: string | string[] | undefined): DoraPeriodDays {
  return periodSchema.parse(Array.isArray(value) ? value[0] : value);
}
