import { renderKqlQuery, type KqlQuery } from "./kql-query";
import { windowLets, windowTimespan, type QueryWindow } from "./query-window";

export const DEPENDENCY_FAILURES_QUERY = "dependency-failures";

/**
 * Outgoing calls per service, dependency type and target (RabbitMQ, Blob Storage, HTTP between
 * services), failed calls first; the mapper tells RabbitMQ and Blob Storage apart by type and target.
 */
export const dependencyFailuresKql = `
AppDependencies
| where TimeGenerated >= End - Window and TimeGenerated < End
| summarize Calls = sum(ItemCount), FailedCalls = sumif(ItemCount, Success == false),
    P95Ms = percentile(DurationMs, 95)
    by AppRoleName, DependencyType, Target
| extend FailurePct = round(100.0 * FailedCalls / Calls, 2)
| project AppRoleName, DependencyType, Target, Calls, FailedCalls, FailurePct, P95Ms
| order by FailedCalls desc, AppRoleName asc, Target asc
`;

export function dependencyFailuresQuery(window: QueryWindow): KqlQuery {
  return renderKqlQuery(
    DEPENDENCY_FAILURES_QUERY,
    windowLets(window),
    dependencyFailuresKql,
    windowTimespan(window),
  );
}
