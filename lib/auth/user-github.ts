import { getConfig } from "@/lib/config/config";
import { getPrisma } from "@/lib/db/client";
import { createGitHubClient, type GitHubClient } from "@/lib/github/client";
import { getSharedReadCache } from "@/lib/github/read-cache";
import { decryptToken } from "./token-crypto";

export class NoUserTokenError extends Error {
  constructor(login: string, reason: string) {
    super(`${login} has no usable GitHub token (${reason}): they need to sign in to Release Desk again.`);
    this.name = "NoUserTokenError";
  }
}

/**
 * A GitHub client acting as the person, with their own token (stored encrypted at sign-in), so
 * GitHub records who merged or dispatched instead of the server's identity.
 */
export async function userGitHub(login: string): Promise<GitHubClient> {
  const config = getConfig();
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { login } });
  if (!user?.accessTokenEnc) throw new NoUserTokenError(login, "none stored");
  if (user.accessTokenExpires && user.accessTokenExpires.getTime() <= Date.now()) {
    throw new NoUserTokenError(login, `expired at ${user.accessTokenExpires.toISOString()}`);
  }
  let token: string;
  try {
    token = decryptToken(user.accessTokenEnc, config.authSecret);
  } catch {
    // The app secret changed since they signed in.
    throw new NoUserTokenError(login, "cannot be decrypted");
  }
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
