import { isRestError } from "@azure/core-rest-pipeline";
import { runQuery, type LogsQueryPort } from "@/lib/azure/logs-client";
import { describeQueryError } from "@/lib/azure/map-error";
import { mapResultRows } from "@/lib/azure/map-table";
import { HEALTH_UNKNOWN_PREFIX } from "@/lib/azure/outcome";
import { renderKqlQuery } from "@/lib/azure/queries/kql-query";

/** Touches no table, so it answers on an empty workspace too: it proves endpoint, token and access. */
export const PING_QUERY = renderKqlQuery("ping", [], "print ok = 1", { duration: "PT5M" });

export type PingOutcome =
  | { ok: true; elapsedMs: number }
  | {
      ok: false;
      reason: string;
      /** Log Analytics' HTTP status; undefined when there was no answer (or no token). */
      statusCode: number | undefined;
    };

export async function pingWorkspace(
  client: LogsQueryPort,
  workspaceId: string,
  timeoutMs: number,
  clock: () => number = () => performance.now(),
): Promise<PingOutcome> {
  const started = clock();
  let result;
  try {
    result = await runQuery(client, workspaceId, PING_QUERY, timeoutMs);
  } catch (error) {
    const { reason } = describeQueryError(error, { queryName: PING_QUERY.name, workspaceId, timeoutMs });
    return {
      ok: false,
      reason: withoutPrefix(reason),
      statusCode: isRestError(error) ? error.statusCode : undefined,
    };
  }
  const rows = mapResultRows(PING_QUERY.name, result, { ok: "long" });
  if (rows.kind === "unknown") return { ok: false, reason: withoutPrefix(rows.reason), statusCode: 200 };
  if (rows.value[0]?.ok !== 1) {
    return { ok: false, reason: "ping answered, but not with the row ok = 1", statusCode: 200 };
  }
  return { ok: true, elapsedMs: Math.round(clock() - started) };
}

/** The health gateway words its reasons for the health cards ("health unknown: <query>: …"). */
function withoutPrefix(reason: string): string {
  const rest = reason.startsWith(HEALTH_UNKNOWN_PREFIX) ? reason.slice(HEALTH_UNKNOWN_PREFIX.length) : reason;
  return rest.startsWith(`${PING_QUERY.name}: `) ? rest.slice(PING_QUERY.name.length + 2) : rest;
}
