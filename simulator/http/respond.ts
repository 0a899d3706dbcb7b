import type { SimResponse } from "./types";

const DOCS = "https://docs.github.com/rest";

export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
  return { status, json: body, headers };
}

export function noContent(): SimResponse {
  return { status: 204 };
}

export interface FieldError {
  resource: string;
  field: string;
  code: string;
  message?: string;
}

/** GitHub's error body: `{message, documentation_url, status}` (and `errors` for 422s). */
export function githubError(
  status: number,
  message: string,
  opts: { errors?: FieldError[] | string[]; docs?: string; headers?: Record<string, string> } = {},
): SimResponse {
  const body: Record<string, unknown> = { message, documentation_url: opts.docs ?? DOCS };
  // GitHub's newer error bodies carry `status`; the published schemas declare it only on `basic-error`
  // (401/403/404/5xx), so 405/409/422 answers leave it out.
  if (![405, 409, 422].includes(status)) body.status = String(status);
  if (opts.errors) body.errors = opts.errors;
  return { status, json: body, headers: opts.headers };
}

export const notFound = (): SimResponse => githubError(404, "Not Found");

export const badCredentials = (): SimResponse => githubError(401, "Bad credentials");

export const forbiddenIntegration = (): SimResponse =>
  githubError(403, "Resource not accessible by integration");

export function validationFailed(message: string, errors?: FieldError[] | string[]): SimResponse {
  return githubError(422, message, { errors });
}
