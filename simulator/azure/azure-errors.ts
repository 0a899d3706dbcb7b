import { randomUUID } from "node:crypto";

/** An error the way the Log Analytics query API writes it: `{ error: { message, code, … } }`. */
export interface AzureErrorInfo {
  message: string;
  code: string;
  correlationId?: string;
  innererror?: AzureErrorInfo & Record<string, unknown>;
  details?: (AzureErrorInfo & Record<string, unknown>)[];
}

export interface AzureErrorResponse {
  status: number;
  headers?: Record<string, string>;
  body: { error: AzureErrorInfo };
}

function errorResponse(
  status: number,
  error: Omit<AzureErrorInfo, "correlationId">,
  headers?: Record<string, string>,
): AzureErrorResponse {
  return {
    status,
    ...(headers ? { headers } : {}),
    body: { error: { ...error, correlationId: randomUUID() } },
  };
}

export function authorizationRequired(): AzureErrorResponse {
  return errorResponse(
    401,
    { message: "Valid authentication was not provided", code: "AuthorizationRequiredError" },
    {
      "WWW-Authenticate":
        'Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token", error_description="The access token is missing or invalid"',
    },
  );
}

export function pathNotFound(): AzureErrorResponse {
  return errorResponse(404, { message: "The requested path does not exist", code: "PathNotFoundError" });
}

/** A query the simulator cannot read, answered the way Azure answers a KQL syntax error. */
export function syntaxError(detail: string): AzureErrorResponse {
  return errorResponse(400, {
    message: "The request had some invalid properties",
    code: "BadArgumentError",
    innererror: {
      code: "SyntaxError",
      message: "A recognition error occurred in the query.",
      innererror: { code: "SYN0002", message: detail },
    },
  });
}

/** A query that parses but names something undefined, e.g. a missing `let` parameter. */
export function semanticError(detail: string): AzureErrorResponse {
  return errorResponse(400, {
    message: "The request had some invalid properties",
    code: "BadArgumentError",
    innererror: {
      code: "SemanticError",
      message: "A semantic error occurred.",
      innererror: { code: "SEM0100", message: detail },
    },
  });
}

export function badBody(detail: string): AzureErrorResponse {
  return errorResponse(400, { message: detail, code: "BadArgumentError" });
}

export function throttled(): AzureErrorResponse {
  return errorResponse(
    429,
    { message: "Too many requests. Please retry later.", code: "ThrottledError" },
    { "Retry-After": "5" },
  );
}

export function serviceUnavailable(): AzureErrorResponse {
  return errorResponse(503, {
    message: "The service is temporarily unavailable.",
    code: "ServiceUnavailableError",
  });
}

/** Sent with HTTP 200 beside the tables when only part of the query succeeded. */
export function partialError(): AzureErrorInfo {
  return {
    message: "There were some errors when processing your query.",
    code: "PartialError",
    details: [
      {
        code: "EngineError",
        message: "Something went wrong processing your query on the server.",
        innererror: {
          code: "-2133196797",
          message: "Partial query failure: Low memory condition (E_LOW_MEMORY_CONDITION).",
          severity: 2,
          severityName: "Error",
        },
      },
    ],
  };
}
