import { isRestError, type RestError } from "@azure/core-rest-pipeline";
import { unknown } from "./outcome";

export interface QueryErrorContext {
  queryName: string;
  workspaceId: string;
  timeoutMs: number;
}

/**
 * Turns whatever a query threw into a reason a person can act on: which query, what Azure said, and
 * what usually fixes it. Never throws; an unexpected value still yields a reason.
 */
export function describeQueryError(
  error: unknown,
  context: QueryErrorContext,
): { kind: "unknown"; reason: string } {
  return unknown(`${context.queryName}: ${explain(error, context)}`);
}

function explain(error: unknown, { workspaceId, timeoutMs }: QueryErrorContext): string {
  if (isRestError(error)) {
    const detail = restErrorDetail(error);
    switch (error.statusCode) {
      case undefined:
        return TLS_TRUST_CODES.has(error.code ?? "")
          ? `could not reach Log Analytics: its certificate is not trusted (${error.code}: ${firstLine(error.message)}); a self-signed simulator needs NODE_EXTRA_CA_CERTS`
          : `could not reach Log Analytics (${error.code ?? "no response"}: ${firstLine(error.message)})`;
      case 400:
        return `Log Analytics rejected the query (400 ${detail})`;
      case 401:
        return `Log Analytics did not accept the token (401 ${detail}); check the Azure credential`;
      case 403:
        return `no read access to workspace ${workspaceId} (403 ${detail}); the identity needs the Log Analytics Reader role`;
      case 404:
        return `workspace ${workspaceId} was not found (404 ${detail}); check the workspace id and endpoint`;
      case 429:
        return `Log Analytics is throttling queries (429 ${detail}); try again shortly`;
      default:
        return error.statusCode >= 500
          ? `Log Analytics is unavailable (${error.statusCode} ${detail})`
          : `Log Analytics answered ${error.statusCode} (${detail})`;
    }
  }
  if (error instanceof Error) {
    // A per-request timeout surfaces as the pipeline's AbortError.
    if (error.name === "AbortError") return `Log Analytics did not answer within ${timeoutMs} ms`;
    // @azure/identity failures: no workload identity configured, token exchange refused, …
    if (error.name === "CredentialUnavailableError" || error.name === "AuthenticationError") {
      return `could not get an Azure token (${error.name}: ${firstLine(error.message)})`;
    }
    return `${error.name}: ${firstLine(error.message)}`;
  }
  return `unexpected failure: ${String(error)}`;
}

const TLS_TRUST_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

interface AzureErrorInfo {
  code?: string;
  message?: string;
  innererror?: AzureErrorInfo;
}

/** Azure puts the useful part (e.g. the KQL syntax error) in the innermost `innererror`. */
function restErrorDetail(error: RestError): string {
  const details = error.details as { error?: AzureErrorInfo } | undefined;
  let info: AzureErrorInfo | undefined = details?.error;
  const code = info?.code ?? error.code ?? "error";
  let message = info?.message ?? error.message;
  while (info?.innererror) {
    info = info.innererror;
    if (info.message) message = info.message;
  }
  return `${code}: ${firstLine(message)}`;
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0]!.trim();
}
