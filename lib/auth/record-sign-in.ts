import type { Account } from "next-auth";
import type { GithubProfile } from "next-auth/providers/github";
import type { Config } from "@/lib/config/config";
import { getPrisma } from "@/lib/db/client";
import { encryptToken } from "./token-crypto";

/** Upserts the person and stores their GitHub token (encrypted) for actions taken on their behalf. */
export async function recordSignIn(config: Config, profile: GithubProfile, account: Account) {
  const prisma = await getPrisma();
  const sealed = account.access_token ? encryptToken(account.access_token, config.authSecret) : null;
  const refresh = account.refresh_token ? encryptToken(account.refresh_token, config.authSecret) : null;
  const expires = typeof account.expires_at === "number" ? new Date(account.expires_at * 1000) : null;
  const now = new Date();
  const fields = {
    login: profile.login,
    name: profile.name ?? null,
    avatarUrl: profile.avatar_url,
    accessTokenEnc: sealed,
    refreshTokenEnc: refresh,
    accessTokenExpires: expires,
    lastSeenAt: now,
  };
  return prisma.user.upsert({
    where: { githubId: BigInt(profile.id) },
    create: { githubId: BigInt(profile.id), firstSeenAt: now, ...fields },
    update: fields,
  });
}
