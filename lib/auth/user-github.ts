import { getConfig, type Config } from "@/lib/config/config";
import { getPrisma } from "@/lib/db/client";
import { createGitHubClient, type GitHubClient } from "@/lib/github/client";
import { getSharedReadCache } from "@/lib/github/read-cache";
import { refreshUserToken } from "./refresh-user-token";
import { decryptToken } from "./token-crypto";

export class NoUserTokenError extends Error {
  constructor(login: string, reason: string) {
    super(`${login} has no usable GitHub token (${reason}): they need to sign in to Release Desk again.`);
    this.name = "NoUserTokenError";
  }
}

/**
 * A token about to expire is renewed ahead of time, so a merge or dispatch started with it does not
 * fail half-way through an operation.
 */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * A GitHub client acting as the person, with their own token (stored encrypted at sign-in), so
 * GitHub records who merged or dispatched instead of the server's identity.
 */
export async function userGitHub(login: string): Promise<GitHubClient> {
  const config = getConfig();
  const token = await userAccessToken(config, login);
  return createGitHubClient({
    baseUrl: config.github.apiUrl,
    auth: { kind: "token", token },
    timeoutMs: config.github.timeoutMs,
    cache: getSharedReadCache({
      enabled: config.github.cache.enabled,
      minRevalidateMs: config.github.cache.minRevalidateMs,
    }),
  });
}

/**
 * The person's access token, renewed with their refresh token when it has expired or is about to
 * (a GitHub App's user tokens last 8 hours). Throws NoUserTokenError when only a new sign-in can help,
 * and a GitHubError when GitHub could not be asked for a new token (worth retrying).
 */
async function userAccessToken(config: Config, login: string): Promise<string> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { login },
    select: { accessTokenEnc: true, refreshTokenEnc: true, accessTokenExpires: true },
  });
  if (!user?.accessTokenEnc) throw new NoUserTokenError(login, "none stored");
  const current = user.accessTokenEnc;
  const expires = user.accessTokenExpires;
  if (expires === null || expires.getTime() - Date.now() > REFRESH_MARGIN_MS) {
    return decrypt(config, login, current);
  }
  const expired = expires.getTime() <= Date.now();
  if (!user.refreshTokenEnc) {
    if (expired) throw new NoUserTokenError(login, `expired at ${expires.toISOString()}, no refresh token`);
    return decrypt(config, login, current);
  }
  let outcome;
  try {
    outcome = await refreshUserToken(config, login, user.refreshTokenEnc);
  } catch (error) {
    // GitHub did not answer; a token that has a few minutes left still does the job.
    if (!expired) return decrypt(config, login, current);
    throw error;
  }
  if (outcome.kind === "failed") throw new NoUserTokenError(login, outcome.reason);
  return outcome.token;
}

function decrypt(config: Config, login: string, sealed: string): string {
  try {
    return decryptToken(sealed, config.authSecret);
  } catch {
    // The app secret changed since they signed in.
    throw new NoUserTokenError(login, "cannot be decrypted");
  }
}
