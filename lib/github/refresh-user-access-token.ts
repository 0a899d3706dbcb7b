import { z } from "zod";
import { GitHubTimeoutError, GitHubUnavailableError } from "./errors";

export interface RefreshUserAccessTokenOptions {
  /** `https://github.com`, a GitHub Enterprise host, or the simulator. */
  webUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  timeoutMs: number;
}

export interface RefreshedUserToken {
  accessToken: string;
  /** Null when GitHub says nothing about expiry (the App does not expire user tokens). */
  expiresAt: Date | null;
  refreshToken: string | null;
  refreshTokenExpiresAt: Date | null;
}

export type RefreshUserAccessTokenResult =
  | { kind: "refreshed"; tokens: RefreshedUserToken }
  /** GitHub answered with an error field, e.g. `bad_refresh_token` (used, revoked or expired). */
  | { kind: "refused"; error: string; description: string };

const grantSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.coerce.number().int().positive().optional(),
});
const errorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/**
 * GitHub's "Refreshing user access tokens": `POST {web}/login/oauth/access_token` with
 * `grant_type=refresh_token`. The refresh token is single-use: once GitHub has answered, the one sent
 * is spent whatever happens to the answer. Throws GitHubTimeoutError / GitHubUnavailableError when
 * GitHub did not answer usably (the refresh token may or may not be spent then).
 */
export async function refreshUserAccessToken(
  options: RefreshUserAccessTokenOptions,
): Promise<RefreshUserAccessTokenResult> {
  const url = `${options.webUrl.replace(/\/+$/, "")}/login/oauth/access_token`;
  const details = { method: "POST", url };
  const startedAt = Date.now();
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: options.clientId,
        client_secret: options.clientSecret,
        grant_type: "refresh_token",
        refresh_token: options.refreshToken,
      }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (response.ok) body = await response.json();
    else await response.body?.cancel();
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") {
      throw new GitHubTimeoutError(options.timeoutMs, details);
    }
    // No `cause`: nothing of the request (its body holds the refresh token and client secret) may reach a log.
    const message = error instanceof Error ? error.message : String(error);
    throw new GitHubUnavailableError(`GitHub token refresh failed: ${message}`, details);
  }
  if (!response.ok) {
    throw new GitHubUnavailableError(`GitHub token refresh answered ${response.status}`, {
      ...details,
      status: response.status,
    });
  }
  // Like every OAuth error from GitHub, a refused refresh is a 200 with an `error` field.
  const refused = errorSchema.safeParse(body);
  if (refused.success) {
    return {
      kind: "refused",
      error: refused.data.error,
      description: refused.data.error_description ?? refused.data.error,
    };
  }
  const grant = grantSchema.safeParse(body);
  if (!grant.success) {
    throw new GitHubUnavailableError("GitHub token refresh answered without an access token", details);
  }
  const { access_token, expires_in, refresh_token, refresh_token_expires_in } = grant.data;
  const after = (seconds: number | undefined) =>
    seconds === undefined ? null : new Date(startedAt + seconds * 1000);
  return {
    kind: "refreshed",
    tokens: {
      accessToken: access_token,
      expiresAt: after(expires_in),
      refreshToken: refresh_token ?? null,
      refreshTokenExpiresAt: after(refresh_token_expires_in),
    },
  };
}
