import type { QueryTimeInterval } from "@azure/monitor-query-logs";
import { kqlDatetime, kqlMinutes, type KqlLet } from "./kql-query";

/** The trailing window `[end - windowMinutes, end)` most queries look at. */
export interface QueryWindow {
  end: Date;
  windowMinutes: number;
}

export function windowLets({ end, windowMinutes }: QueryWindow): KqlLet[] {
  return [
    ["End", kqlDatetime(end)],
    ["Window", kqlMinutes(windowMinutes)],
  ];
}

export function windowTimespan({ end, windowMinutes }: QueryWindow): QueryTimeInterval {
  return { startTime: new Date(end.getTime() - windowMinutes * 60_000), endTime: end };
}
