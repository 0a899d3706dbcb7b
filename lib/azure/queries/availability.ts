import { renderKqlQuery, type KqlQuery } from "./kql-query";
import { windowLets, windowTimespan, type QueryWindow } from "./query-window";

export const AVAILABILITY_QUERY = "availability";

/** Availability tests (standard/ping tests) per test name, across all locations. */
export const availabilityKql = `
AppAvailabilityResults
| where TimeGenerated >= End - Window and TimeGenerated < End
| summarize Runs = sum(ItemCount), FailedRuns = sumif(ItemCount, Success == false),
    Locations = dcount(Location), P95Ms = percentile(DurationMs, 95)
    by Name
| extend AvailabilityPct = round(100.0 * (Runs - FailedRuns) / Runs, 2)
| project Name, Runs, FailedRuns, AvailabilityPct, Locations, P95Ms
| order by Name asc
`;

export function availabilityQuery(window: QueryWindow): KqlQuery {
  return renderKqlQuery(AVAILABILITY_QUERY, windowLets(window), availabilityKql, windowTimespan(window));
}
