import { kqlDatetime, kqlMinutes, renderKqlQuery, type KqlQuery } from "./kql-query";

export const DEPLOY_COMPARISON_QUERY = "deploy-comparison";

/**
 * The same figures as service-health for equal windows either side of a deploy time `T`:
 * `[T - Window, T)` is "before", `[T, T + Window)` is "after".
 */
export const deployComparisonKql = `
AppRequests
| where TimeGenerated >= T - Window and TimeGenerated < T + Window
| extend Phase = iff(TimeGenerated < T, "before", "after")
| summarize Requests = sum(ItemCount), FailedRequests = sumif(ItemCount, Success == false),
    P50Ms = percentile(DurationMs, 50), P95Ms = percentile(DurationMs, 95)
    by AppRoleName, Phase
| extend FailurePct = round(100.0 * FailedRequests / Requests, 2)
| project AppRoleName, Phase, Requests, FailedRequests, FailurePct, P50Ms, P95Ms
| order by AppRoleName asc, Phase desc
`;

export interface DeployComparisonParams {
  deployTime: Date;
  windowMinutes: number;
}

export function deployComparisonQuery({ deployTime, windowMinutes }: DeployComparisonParams): KqlQuery {
  const windowMs = windowMinutes * 60_000;
  return renderKqlQuery(
    DEPLOY_COMPARISON_QUERY,
    [
      ["T", kqlDatetime(deployTime)],
      ["Window", kqlMinutes(windowMinutes)],
    ],
    deployComparisonKql,
    {
      startTime: new Date(deployTime.getTime() - windowMs),
      endTime: new Date(deployTime.getTime() + windowMs),
    },
  );
}
