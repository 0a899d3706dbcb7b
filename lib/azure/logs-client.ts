import type { TokenCredential } from "@azure/core-auth";
import type { HttpClient } from "@azure/core-rest-pipeline";
import { LogsQueryClient, type LogsQueryResult } from "@azure/monitor-query-logs";
import type { KqlQuery } from "./queries/kql-query";

export const DEFAULT_LOGS_ENDPOINT = "https://api.loganalytics.io/v1";

export interface LogsClientOptions {
  /** Log Analytics query endpoint; normalised to end in `/v1`. */
  endpoint?: string;
  /**
   * Extra CA certificate (PEM) to trust, for a local simulator with a self-signed certificate.
   * Replaces the default CA list for this client only; production leaves it unset.
   */
  trustedCaPem?: string;
  /** Retries after a failed attempt (the SDK's default is 3, too slow for a dashboard). */
  maxRetries?: number;
  /** In-process HTTP for tests that need canned wire responses. */
  httpClient?: HttpClient;
}

/**
 * The SDK uses `endpoint` as given, so without `/v1` every query 404s. The bearer-token policy also
 * refuses plain http, so that is rejected here with a clearer message.
 */
export function normaliseLogsEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new RangeError(`Log Analytics endpoint is not a URL: ${endpoint}`);
  }
  if (url.protocol !== "https:") {
    throw new RangeError(
      `Log Analytics endpoint must use https (bearer tokens are never sent over http): ${endpoint}`,
    );
  }
  if (url.search || url.hash)
    throw new RangeError(`Log Analytics endpoint must not have a query or fragment: ${endpoint}`);
  const path = url.pathname.replace(/\/+$/, "");
  if (path === "") url.pathname = "/v1";
  else if (path.endsWith("/v1")) url.pathname = path;
  else throw new RangeError(`Log Analytics endpoint must end in /v1: ${endpoint}`);
  return url.toString();
}

export function createLogsClient(
  credential: TokenCredential,
  options: LogsClientOptions = {},
): LogsQueryClient {
  return new LogsQueryClient(credential, {
    endpoint: normaliseLogsEndpoint(options.endpoint ?? DEFAULT_LOGS_ENDPOINT),
    retryOptions: { maxRetries: options.maxRetries ?? 1 },
    ...(options.trustedCaPem ? { tlsOptions: { ca: options.trustedCaPem } } : {}),
    ...(options.httpClient ? { httpClient: options.httpClient } : {}),
  });
}

/** The one method of LogsQueryClient the health service needs; tests substitute a recording fake. */
export type LogsQueryPort = Pick<LogsQueryClient, "queryWorkspace">;

/**
 * Runs one named query. The timeout goes in `requestOptions.timeout`: @azure/monitor-query-logs 1.0.0
 * drops a top-level `abortSignal`, so it would never fire.
 */
export function runQuery(
  client: LogsQueryPort,
  workspaceId: string,
  query: KqlQuery,
  timeoutMs: number,
): Promise<LogsQueryResult> {
  return client.queryWorkspace(workspaceId, query.text, query.timespan, {
    requestOptions: { timeout: timeoutMs },
    serverTimeoutInSeconds: Math.max(1, Math.ceil(timeoutMs / 1000)),
  });
}
