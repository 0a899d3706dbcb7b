import { renderKqlQuery, type KqlQuery } from "./kql-query";
import { windowLets, windowTimespan, type QueryWindow } from "./query-window";

export const SERVICE_HEALTH_QUERY = "service-health";

/** Requests, failure % and latency per service (AppRoleName). `sum(ItemCount)` undoes sampling. */
export const serviceHealthKql = `
AppRequests
| where TimeGenerated >= End - Window and TimeGenerated < End
| summarize Requests = sum(ItemCount), FailedRequests = sumif(ItemCount, Success == false),
    P50Ms = percentile(DurationMs, 50), P95Ms = percentile(DurationMs, 95)
    by AppRoleName
| extend FailurePct = round(100.0 * FailedRequests / Requests, 2)
| project AppRoleName, Requests, FailedRequests, FailurePct, P50Ms, P95Ms
| order by AppRoleName asc
`;

export function serviceHealthQuery(window: QueryWindow): KqlQuery {
  return renderKqlQuery(SERVICE_HEALTH_QUERY, windowLets(window), serviceHealthKql, windowTimespan(window));
}
