import { kqlLong, renderKqlQuery, type KqlQuery } from "./kql-query";
import { windowLets, windowTimespan, type QueryWindow } from "./query-window";

export const TOP_EXCEPTIONS_QUERY = "top-exceptions";

/**
 * The most frequent exception types per service, each row also carrying the service's total so the
 * total stays right when a service has more types than `TopN`.
 */
export const topExceptionsKql = `
let Scoped = AppExceptions
    | where TimeGenerated >= End - Window and TimeGenerated < End;
Scoped
| summarize Exceptions = sum(ItemCount), ProblemId = take_any(ProblemId), SampleMessage = take_any(OuterMessage)
    by AppRoleName, ExceptionType
| join kind=inner (Scoped | summarize ServiceExceptions = sum(ItemCount) by AppRoleName) on AppRoleName
| project-away AppRoleName1
| order by AppRoleName asc, Exceptions desc
| extend Rank = row_number(1, prev(AppRoleName) != AppRoleName)
| where Rank <= TopN
| project AppRoleName, ExceptionType, ProblemId, SampleMessage, Exceptions, ServiceExceptions
`;

export interface TopExceptionsParams extends QueryWindow {
  topPerService: number;
}

export function topExceptionsQuery(params: TopExceptionsParams): KqlQuery {
  return renderKqlQuery(
    TOP_EXCEPTIONS_QUERY,
    [...windowLets(params), ["TopN", kqlLong(params.topPerService)]],
    topExceptionsKql,
    windowTimespan(params),
  );
}
