import type { Config } from "@/lib/config/config";
import { getPrisma } from "@/lib/db/client";
import { refreshUserAccessToken } from "@/lib/github/refresh-user-access-token";
import { decryptToken, encryptToken } from "./token-crypto";

export type RefreshOutcome = { kind: "token"; token: string } | { kind: "failed"; reason: string };

/** Callers that arrive while a refresh is under way wait for it: one request per person and process. */
const inFlight = new Map<string, Promise<RefreshOutcome>>();

/**
 * Exchanges the person's stored refresh token for a new token pair and stores it, returning the new
 * access token. GitHub's refresh tokens are single-use and several processes (web, worker) may try
 * at once: only the process whose conditional update still finds the refresh token it spent stores
 * its pair; everyone else, including a process GitHub refused because the token was just spent,
 * uses the pair the winner stored. Throws a GitHubError when GitHub did not answer.
 */
export function refreshUserToken(
  config: Config,
  login: string,
  spentRefreshTokenEnc: string,
): Promise<RefreshOutcome> {
  const running = inFlight.get(login);
  if (running) return running;
  const refresh = refreshOnce(config, login, spentRefreshTokenEnc).finally(() => inFlight.delete(login));
  inFlight.set(login, refresh);
  return refresh;
}

async function refreshOnce(config: Config, login: string, spentEnc: string): Promise<RefreshOutcome> {
  let refreshToken: string;
  try {
    refreshToken = decryptToken(spentEnc, config.authSecret);
  } catch {
    return { kind: "failed", reason: "its refresh token cannot be decrypted" };
  }
  const { webUrl, clientId, clientSecret, timeoutMs } = config.github;
  const answer = await refreshUserAccessToken({ webUrl, clientId, clientSecret, refreshToken, timeoutMs });

  if (answer.kind === "refused") {
    // bad_refresh_token is also what a process gets whose refresh token another one just spent.
    const winner =
      answer.error === "bad_refresh_token" ? await pairStoredByAnother(config, login, spentEnc) : null;
    return winner ?? { kind: "failed", reason: `it expired and GitHub refused to renew it: ${answer.error}` };
  }

  const { tokens } = answer;
  const prisma = await getPrisma();
  const { count } = await prisma.user.updateMany({
    where: { login, refreshTokenEnc: spentEnc },
    data: {
      accessTokenEnc: encryptToken(tokens.accessToken, config.authSecret),
      refreshTokenEnc: tokens.refreshToken ? encryptToken(tokens.refreshToken, config.authSecret) : null,
      accessTokenExpires: tokens.expiresAt,
    },
  });
  if (count === 1) return { kind: "token", token: tokens.accessToken };
  // The row moved on without us (a new sign-in): what is stored now is what counts. Should nothing
  // usable be stored, the token GitHub just gave us still serves this one call.
  return (await pairStoredByAnother(config, login, spentEnc)) ?? { kind: "token", token: tokens.accessToken };
}

const POLL_MS = 100;

/**
 * The access token stored after ours was spent, waiting a little for it: GitHub refuses a refresh
 * token as soon as another process spent it, possibly before that process has stored its new pair.
 */
async function pairStoredByAnother(
  config: Config,
  login: string,
  spentEnc: string,
): Promise<RefreshOutcome | null> {
  const prisma = await getPrisma();
  const deadline = Date.now() + config.github.timeoutMs;
  for (;;) {
    const user = await prisma.user.findUnique({
      where: { login },
      select: { accessTokenEnc: true, refreshTokenEnc: true, accessTokenExpires: true },
    });
    if (!user) return null;
    if (user.refreshTokenEnc !== spentEnc) {
      const { accessTokenEnc, accessTokenExpires } = user;
      if (accessTokenEnc === null || (accessTokenExpires && accessTokenExpires.getTime() <= Date.now())) {
        return null;
      }
      try {
        return { kind: "token", token: decryptToken(accessTokenEnc, config.authSecret) };
      } catch {
        return null;
      }
    }
    if (Date.now() + POLL_MS > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
