import type { RequestError } from "@octokit/request-error";

export type GitHubErrorKind =
  | "rate-limited"
  | "unauthorized"
  | "forbidden"
  | "not-found"
  | "not-allowed"
  | "conflict"
  | "invalid"
  | "unavailable"
  | "timeout";

interface GitHubErrorDetails {
  status?: number | undefined;
  method?: string | undefined;
  url?: string | undefined;
  cause?: unknown;
}

/**
 * What the gateway throws. Callers branch on `kind` (or `instanceof` a subclass); none of them
 * needs to know Octokit's RequestError.
 */
export class GitHubError extends Error {
  readonly status: number | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(
    readonly kind: GitHubErrorKind,
    message: string,
    details: GitHubErrorDetails = {},
  ) {
    super(message, { cause: details.cause });
    this.name = "GitHubError";
    this.status = details.status;
    this.method = details.method;
    this.url = details.url;
  }

  /** GitHub could not answer (as opposed to answering "no"): a cached copy may stand in. */
  get unavailable(): boolean {
    return this.kind === "rate-limited" || this.kind === "unavailable" || this.kind === "timeout";
  }
}

export class GitHubRateLimitedError extends GitHubError {
  constructor(
    message: string,
    /** When GitHub says the budget (or the secondary limit) frees up; null when it did not say. */
    readonly resetAt: Date | null,
    readonly secondary: boolean,
    details: GitHubErrorDetails = {},
  ) {
    super("rate-limited", message, details);
    this.name = "GitHubRateLimitedError";
  }
}

export class GitHubTimeoutError extends GitHubError {
  constructor(
    readonly timeoutMs: number,
    details: GitHubErrorDetails = {},
  ) {
    super(
      "timeout",
      `GitHub did not answer ${details.method ?? ""} ${details.url ?? ""} within ${timeoutMs} ms`,
      details,
    );
    this.name = "GitHubTimeoutError";
  }

  /** A write that timed out may or may not have happened: the reconciler finds out, nothing re-sends it. */
  get outcomeUnknown(): boolean {
    return this.method !== undefined && this.method !== "GET" && this.method !== "HEAD";
  }
}

export class GitHubNotFoundError extends GitHubError {
  constructor(message: string, details: GitHubErrorDetails = {}) {
    super("not-found", message, details);
    this.name = "GitHubNotFoundError";
  }
}

export class GitHubForbiddenError extends GitHubError {
  constructor(message: string, details: GitHubErrorDetails = {}) {
    super("forbidden", message, details);
    this.name = "GitHubForbiddenError";
  }
}

export class GitHubConflictError extends GitHubError {
  constructor(message: string, details: GitHubErrorDetails = {}) {
    super("conflict", message, details);
    this.name = "GitHubConflictError";
  }
}

export class GitHubUnavailableError extends GitHubError {
  constructor(message: string, details: GitHubErrorDetails = {}) {
    super("unavailable", message, details);
    this.name = "GitHubUnavailableError";
  }
}

/** Maps anything a gateway call can throw to a GitHubError (already-mapped errors pass through). */
export function toGitHubError(error: unknown): GitHubError {
  if (error instanceof GitHubError) return error;
  if (!isRequestError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new GitHubUnavailableError(`GitHub request failed: ${message}`, { cause: error });
  }
  const details: GitHubErrorDetails = {
    status: error.status,
    method: error.request.method,
    url: error.request.url,
    cause: error,
  };
  const headers = error.response?.headers ?? {};
  const message = error.message;

  const rateLimit = rateLimitOf(error.status, message, headers);
  if (rateLimit) return new GitHubRateLimitedError(message, rateLimit.resetAt, rateLimit.secondary, details);

  switch (error.status) {
    case 401:
      return new GitHubError("unauthorized", message, details);
    case 403:
      return new GitHubForbiddenError(message, details);
    case 404:
    case 410:
      return new GitHubNotFoundError(message, details);
    case 405:
      return new GitHubError("not-allowed", message, details);
    case 409:
      return new GitHubConflictError(message, details);
    case 400:
    case 422:
      return new GitHubError("invalid", message, details);
  }
  // @octokit/request reports network failures (refused, reset, dropped) as status 500 without a response.
  if (error.status >= 500 || error.status === 0 || !error.response) {
    return new GitHubUnavailableError(message, details);
  }
  return new GitHubError("invalid", message, details);
}

/** "GitHub unavailable: <reason>", the notice pages show next to data served from the cache. */
export function unavailableNotice(error: GitHubError): string {
  if (error instanceof GitHubRateLimitedError) {
    const until = error.resetAt ? ` until ${error.resetAt.toISOString()}` : "";
    return `GitHub unavailable: ${error.secondary ? "secondary rate limit" : "rate limit exceeded"}${until}`;
  }
  if (error instanceof GitHubTimeoutError)
    return `GitHub unavailable: no answer within ${error.timeoutMs} ms`;
  const status = error.status && error.status !== 500 ? `${error.status} ` : "";
  return `GitHub unavailable: ${status}${error.message}`;
}

/**
 * Duck-typed like @octokit/plugin-retry does: `instanceof` would break the day npm installs a
 * second copy of @octokit/request-error under some plugin.
 */
export function isRequestError(error: unknown): error is RequestError {
  return (
    error instanceof Error &&
    error.name === "HttpError" &&
    typeof (error as Partial<RequestError>).status === "number" &&
    typeof (error as Partial<RequestError>).request === "object"
  );
}

type Headers = Partial<Record<string, string | number | undefined>>;

function rateLimitOf(
  status: number,
  message: string,
  headers: Headers,
): { resetAt: Date | null; secondary: boolean } | null {
  if (status !== 403 && status !== 429) return null;
  const secondary = /secondary rate limit/i.test(message);
  const exhausted = String(headers["x-ratelimit-remaining"]) === "0";
  // A 403 with budget left and no rate-limit wording is a permission problem, not a limit.
  if (!secondary && !exhausted && status === 403) return null;
  const retryAfter = Number(headers["retry-after"]);
  const reset = Number(headers["x-ratelimit-reset"]);
  const resetAt =
    Number.isFinite(retryAfter) && headers["retry-after"] !== undefined
      ? new Date(Date.now() + retryAfter * 1000)
      : Number.isFinite(reset) && reset > 0
        ? new Date(reset * 1000)
        : null;
  return { resetAt, secondary };
}
