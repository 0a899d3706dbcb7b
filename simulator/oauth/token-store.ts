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
}

const CODE_TTL_MS = 10 * 60 * 1000;

/**
 * OAuth codes and access tokens. Besides tokens issued through the web flow, every demo user has a
 * fixed token `sim-token-<login>` so tests and scripts can act as them without a browser.
 */
export class TokenStore {
  private readonly codes = new Map<string, PendingCode>();
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly serverToken: string) {
    for (const u of DEMO_USERS) this.tokens.set(staticTokenFor(u.login), { login: u.login, scope: "repo" });
    this.tokens.set(serverToken, { login: SERVER_BOT.login, scope: "repo" });
  }

  createCode(p: Omit<PendingCode, "expiresAt">): string {
    const code = randomBytes(10).toString("hex");
    this.codes.set(code, { ...p, expiresAt: Date.now() + CODE_TTL_MS });
    return code;
  }

  /** Codes are single-use: a second exchange fails even if the first one did too. */
  takeCode(code: string): PendingCode | null {
    const p = this.codes.get(code);
    this.codes.delete(code);
    if (!p || p.expiresAt < Date.now()) return null;
    return p;
  }

  issue(login: string, scope: string): string {
    const token = `gho_${randomBytes(27).toString("base64url").replace(/[-_]/g, "x").slice(0, 36)}`;
    this.tokens.set(token, { login, scope });
    return token;
  }

  resolve(token: string): Identity | null {
    const t = this.tokens.get(token);
    return t ? (findIdentity(t.login) ?? null) : null;
  }

  scopeOf(token: string): string | null {
    return this.tokens.get(token)?.scope ?? null;
  }

  isServerToken(token: string | null): boolean {
    return token === this.serverToken;
  }
}

export function staticTokenFor(login: string): string {
  return `sim-token-${login}`;
}

export function verifyPkce(verifier: string, challenge: string, method: string | null): boolean {
  if (!method || method === "plain") return verifier === challenge;
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}
