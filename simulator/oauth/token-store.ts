import { createHash, randomBytes } from "node:crypto";
import { DEMO_USERS, findIdentity, SERVER_BOT, type Identity } from "../identities";

interface PendingCode {
  login: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  expiresAt: number;
}

export interface IssuedToken {
  login: string;
  scope: string;
  /** Epoch ms; null for tokens that never expire (static tokens, OAuth App style tokens). */
  expiresAt: number | null;
  /** Issued by the web flow or a refresh (the fixed demo and server tokens are not). */
  issued: boolean;
}

interface IssuedRefreshToken {
  login: string;
  scope: string;
  /** The access token issued with it: using the refresh token revokes it, as on GitHub. */
  accessToken: string;
  expiresAt: number;
}

/** The body of GitHub's token answer (web flow or refresh). */
export interface TokenGrant {
  access_token: string;
  token_type: "bearer";
  scope: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
}

export interface TokenStoreOptions {
  /** Lifetime of web-flow tokens; 0 = they never expire and no refresh token is issued (OAuth App style). */
  userTokenTtlSeconds?: number;
  /** Real time, not the world clock: the app compares expiry with its own clock. */
  now?: () => number;
}

const CODE_TTL_MS = 10 * 60 * 1000;
/** GitHub's refresh token lifetime (about six months). */
export const REFRESH_TOKEN_TTL_SECONDS = 15_897_600;

/**
 * OAuth codes and access tokens. Besides tokens issued through the web flow, every demo user has a
 * fixed token `sim-token-<login>` so tests and scripts can act as them without a browser.
 */
export class TokenStore {
  private readonly codes = new Map<string, PendingCode>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, IssuedRefreshToken>();
  private readonly ttlSeconds: number;
  private readonly now: () => number;

  constructor(
    private readonly serverToken: string,
    options: TokenStoreOptions = {},
  ) {
    this.ttlSeconds = options.userTokenTtlSeconds ?? 0;
    this.now = options.now ?? Date.now;
    const fixed = { scope: "repo", expiresAt: null, issued: false };
    for (const u of DEMO_USERS) this.tokens.set(staticTokenFor(u.login), { login: u.login, ...fixed });
    this.tokens.set(serverToken, { login: SERVER_BOT.login, ...fixed });
  }

  createCode(p: Omit<PendingCode, "expiresAt">): string {
    const code = randomBytes(10).toString("hex");
    this.codes.set(code, { ...p, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** Codes are single-use: a second exchange fails even if the first one did too. */
  takeCode(code: string): PendingCode | null {
    const p = this.codes.get(code);
    this.codes.delete(code);
    if (!p || p.expiresAt < this.now()) return null;
    return p;
  }

  /**
   * A new access token; with a TTL, a GitHub App's expiring user token (`ghu_`) and its refresh
   * token (`ghr_`), otherwise an OAuth App's non-expiring `gho_` token.
   */
  issue(login: string, scope: string): TokenGrant {
    if (this.ttlSeconds <= 0) {
      const token = newToken("gho_");
      this.tokens.set(token, { login, scope, expiresAt: null, issued: true });
      return { access_token: token, token_type: "bearer", scope };
    }
    const now = this.now();
    const accessToken = newToken("ghu_");
    const refreshToken = newToken("ghr_", 76);
    this.tokens.set(accessToken, { login, scope, expiresAt: now + this.ttlSeconds * 1000, issued: true });
    this.refreshTokens.set(refreshToken, {
      login,
      scope,
      accessToken,
      expiresAt: now + REFRESH_TOKEN_TTL_SECONDS * 1000,
    });
    return {
      access_token: accessToken,
      expires_in: this.ttlSeconds,
      refresh_token: refreshToken,
      refresh_token_expires_in: REFRESH_TOKEN_TTL_SECONDS,
      token_type: "bearer",
      scope,
    };
  }

  /**
   * `grant_type=refresh_token`: a new pair, or null when the refresh token is unknown, expired or
   * already used. Like GitHub, a refresh token works once and using it ends the old access token.
   */
  refresh(refreshToken: string): TokenGrant | null {
    const r = this.refreshTokens.get(refreshToken);
    this.refreshTokens.delete(refreshToken);
    if (!r || r.expiresAt <= this.now()) return null;
    this.tokens.delete(r.accessToken);
    return this.issue(r.login, r.scope);
  }

  /**
   * Test control: ends the web-flow access tokens of a login now (the fixed `sim-token-*` ones stay),
   * and with `refreshTokens` also revokes its refresh tokens.
   */
  expire(
    login: string,
    options: { refreshTokens?: boolean } = {},
  ): { accessTokens: number; refreshTokens: number } {
    const now = this.now();
    let accessTokens = 0;
    for (const t of this.tokens.values()) {
      if (t.login !== login || !t.issued || (t.expiresAt !== null && t.expiresAt <= now)) continue;
      t.expiresAt = now;
      accessTokens++;
    }
    let refreshTokens = 0;
    if (options.refreshTokens) {
      for (const [token, r] of this.refreshTokens) {
        if (r.login !== login) continue;
        this.refreshTokens.delete(token);
        refreshTokens++;
      }
    }
    return { accessTokens, refreshTokens };
  }

  /** The token's owner, or null when unknown or expired (the API answers 401 Bad credentials). */
  resolve(token: string): Identity | null {
    const t = this.live(token);
    return t ? (findIdentity(t.login) ?? null) : null;
  }

  scopeOf(token: string): string | null {
    return this.live(token)?.scope ?? null;
  }

  isServerToken(token: string | null): boolean {
    return token === this.serverToken;
  }

  private live(token: string): IssuedToken | null {
    const t = this.tokens.get(token);
    if (!t || (t.expiresAt !== null && t.expiresAt <= this.now())) return null;
    return t;
  }
}

export function staticTokenFor(login: string): string {
  return `sim-token-${login}`;
}

export function verifyPkce(verifier: string, challenge: string, method: string | null): boolean {
  if (!method || method === "plain") return verifier === challenge;
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}

function newToken(prefix: string, length = 36): string {
  return `${prefix}${randomBytes(length).toString("base64url").replace(/[-_]/g, "x").slice(0, length)}`;
}
