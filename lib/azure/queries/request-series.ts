import { kqlMinutes, renderKqlQuery, type KqlQuery } from "./kql-query";
import { windowLets, windowTimespan, type QueryWindow } from "./query-window";

export const REQUEST_SERIES_QUERY = "request-series";

/** Per-service request volume, failure % and p95 per time bin, for charts. */
export const requestSeriesKql = `
AppRequests
| where TimeGenerated >= End - Window and TimeGenerated < End
| summarize Requests = sum(ItemCount), FailedRequests = sumif(ItemCount, Success == false),
    P95Ms = percentile(DurationMs, 95)
    by AppRoleName, bin(TimeGenerated, Interval)
| extend FailurePct = round(100.0 * FailedRequests / Requests, 2)
| project TimeGenerated, AppRoleName, Requests, FailedRequests, FailurePct, P95Ms
| order by TimeGenerated asc, AppRoleName asc
`;

export interface RequestSeriesParams extends QueryWindow {
  intervalMinutes: number;
}

export function requestSeriesQuery(params: RequestSeriesParams): KqlQuery {
  return renderKqlQuery(
    REQUEST_SERIES_QUERY,
    [...windowLets(params), ["Interval", kqlMinutes(params.intervalMinutes)]],
    requestSeriesKql,
    windowTimespan(params),
  );
}

const CHART_INTERVALS_MINUTES = [1, 5, 15, 30, 60, 180, 360, 720, 1440] as const;
const MAX_CHART_POINTS = 60;

/** The finest bin that keeps a chart at or under 60 points per service. */
export function chartIntervalMinutes(windowMinutes: number): number {
  return (
    CHART_INTERVALS_MINUTES.find((interval) => windowMinutes / interval <= MAX_CHART_POINTS) ??
    CHART_INTERVALS_MINUTES[CHART_INTERVALS_MINUTES.length - 1]!
  );
}
