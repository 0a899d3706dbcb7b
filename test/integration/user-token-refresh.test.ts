import { Issuer } from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GithubProfile } from "next-auth/providers/github";
import type {
  NoUserTokenError as NoUserTokenErrorClass,
  userGitHub as UserGitHub,
} from "@/lib/auth/user-github";
import type { refreshUserToken as RefreshUserToken } from "@/lib/auth/refresh-user-token";
import type { recordSignIn as RecordSignIn } from "@/lib/auth/record-sign-in";
import type { decryptToken as DecryptToken } from "@/lib/auth/token-crypto";
import type { Config } from "@/lib/config/config";
import type { Database } from "@/lib/db/database";
import type { RunningSimulator } from "@/simulator/server";
import { createTestDatabase } from "../support/postgres";
import { control, startTestSimulator } from "./simulator-helpers";

const TOKEN_PATH = "/login/oauth/access_token";
const EIGHT_HOURS_MS = 8 * 3600 * 1000;
const redirectUri = "http://localhost:3000/api/auth/callback/github";

let sim: RunningSimulator;
let testDb: { url: string; drop: () => Promise<void> };
let database: Database;
let config: Config;
let lib: {
  userGitHub: typeof UserGitHub;
  NoUserTokenError: typeof NoUserTokenErrorClass;
  refreshUserToken: typeof RefreshUserToken;
  recordSignIn: typeof RecordSignIn;
  decryptToken: typeof DecryptToken;
};

beforeAll(async () => {
  // Tokens expire as a GitHub App's do (8 h); tests expire them on demand.
  sim = await startTestSimulator({ start: undefined, userTokenTtlSeconds: 28_800 });
  testDb = await createTestDatabase();
  Object.assign(process.env, {
    DATABASE_URL: testDb.url,
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_API_URL: sim.apiUrl,
    GITHUB_WEB_URL: sim.url,
    GITHUB_CLIENT_ID: "sim-client-id",
    GITHUB_CLIENT_SECRET: "sim-client-secret",
    GITHUB_TOKEN: "sim-server-token",
    NEXTAUTH_SECRET: "user-token-refresh-test-secret-at-least-32-characters",
    GITHUB_TIMEOUT_MS: "1500",
    GITHUB_CACHE_MIN_REVALIDATE_MS: "0",
  });
  // The modules read their configuration on first use, so they are imported once it is set.
  const [{ getDatabase }, { getConfig }, userGitHub, refresh, record, crypto] = await Promise.all([
    import("@/lib/db/client"),
    import("@/lib/config/config"),
    import("@/lib/auth/user-github"),
    import("@/lib/auth/refresh-user-token"),
    import("@/lib/auth/record-sign-in"),
    import("@/lib/auth/token-crypto"),
  ]);
  database = await getDatabase();
  config = getConfig();
  lib = {
    userGitHub: userGitHub.userGitHub,
    NoUserTokenError: userGitHub.NoUserTokenError,
    refreshUserToken: refresh.refreshUserToken,
    recordSignIn: record.recordSignIn,
    decryptToken: crypto.decryptToken,
  };
});

afterAll(async () => {
  await database?.driver.close();
  await sim?.close();
  await testDb?.drop();
});

/**
 * The sign-in as next-auth 4 performs it: the simulator's consent page, the code exchanged by
 * openid-client (the library next-auth uses, with its TokenSet turning `expires_in` into
 * `expires_at`), the profile from /user, and the account spread from the token set into recordSignIn.
 */
async function signIn(login: string) {
  const form = new URLSearchParams({
    client_id: "sim-client-id",
    redirect_uri: redirectUri,
    state: "s",
    login,
  });
  const back = await fetch(`${sim.url}/login/oauth/authorize`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const params = Object.fromEntries(new URL(back.headers.get("location") ?? "").searchParams);
  const issuer = new Issuer({ issuer: "github", token_endpoint: `${sim.url}${TOKEN_PATH}` });
  const client = new issuer.Client({
    client_id: "sim-client-id",
    client_secret: "sim-client-secret",
    redirect_uris: [redirectUri],
  });
  const tokens = await client.oauthCallback(redirectUri, params, { state: "s" });
  const me = await fetch(`${sim.apiUrl}/user`, {
    headers: { authorization: `Bearer ${tokens.access_token}` },
  });
  const profile = (await me.json()) as GithubProfile;
  await lib.recordSignIn(config, profile, {
    provider: "github",
    type: "oauth",
    providerAccountId: String(profile.id),
    ...tokens,
  });
  return {
    accessToken: tokens.access_token ?? "",
    refreshToken: tokens.refresh_token ?? "",
    expiresAt: tokens.expires_at,
  };
}

async function stored(login: string) {
  const user = await database.prisma.user.findUniqueOrThrow({ where: { login } });
  const open = (sealed: string | null) =>
    sealed === null ? null : lib.decryptToken(sealed, config.authSecret);
  return {
    accessToken: open(user.accessTokenEnc),
    refreshToken: open(user.refreshTokenEnc),
    expires: user.accessTokenExpires,
  };
}

/** Eight hours later: GitHub has ended the token, and the stored expiry says so. */
async function letTokenExpire(login: string) {
  await control(sim, "POST", "/_sim/tokens/expire", { login });
  await database.prisma.user.update({
    where: { login },
    data: { accessTokenExpires: new Date(Date.now() - 1000) },
  });
}

interface Call {
  seq: number;
  method: string;
  path: string;
  status: number;
  login: string | null;
}
async function callsSince(seq: number): Promise<Call[]> {
  return (await control<{ calls: Call[] }>(sim, "GET", `/_sim/calls?since=${seq}`)).calls;
}
async function lastSeq(): Promise<number> {
  return (await control<{ lastSeq: number }>(sim, "GET", "/_sim/calls")).lastSeq;
}
const refreshes = (calls: Call[]) => calls.filter((c) => c.method === "POST" && c.path === TOKEN_PATH);

describe("user GitHub tokens that expire (GitHub App user tokens)", () => {
  it("sign-in stores the access token, the refresh token and the expiry next-auth reports in seconds", async () => {
    const before = Date.now();
    const signedIn = await signIn("ada-admin");
    expect(signedIn.expiresAt).toBeTypeOf("number");
    const row = await stored("ada-admin");
    expect(row.accessToken).toBe(signedIn.accessToken);
    expect(row.refreshToken).toMatch(/^ghr_/);
    expect(row.expires?.getTime()).toBeGreaterThanOrEqual(before + EIGHT_HOURS_MS - 2000);
    expect(row.expires?.getTime()).toBeLessThanOrEqual(Date.now() + EIGHT_HOURS_MS + 1000);
  });

  it("an expired token is refreshed: the call acts as the person and the new pair is stored", async () => {
    const old = await signIn("quinn-qa");
    await letTokenExpire("quinn-qa");
    const since = await lastSeq();

    const gh = await lib.userGitHub("quinn-qa");
    const me = await gh.octokit.rest.users.getAuthenticated();

    expect(me.data.login).toBe("quinn-qa");
    const calls = await callsSince(since);
    expect(refreshes(calls)).toHaveLength(1);
    expect(calls.filter((c) => c.path === "/api/v3/user")).toEqual([
      expect.objectContaining({ method: "GET", status: 200, login: "quinn-qa" }),
    ]);
    const row = await stored("quinn-qa");
    expect(row.accessToken).toMatch(/^ghu_/);
    expect(row.accessToken).not.toBe(old.accessToken);
    expect(row.refreshToken).toMatch(/^ghr_/);
    expect(row.refreshToken).not.toBe(old.refreshToken);
    expect(row.expires?.getTime()).toBeGreaterThan(Date.now() + EIGHT_HOURS_MS - 60_000);
    // The next call uses the stored token without refreshing again.
    const again = await lib.userGitHub("quinn-qa");
    expect((await again.octokit.rest.users.getAuthenticated()).data.login).toBe("quinn-qa");
    expect(refreshes(await callsSince(since))).toHaveLength(1);
  });

  it("ten concurrent callers cause one refresh and all act as the person", async () => {
    await signIn("lee-lead");
    await letTokenExpire("lee-lead");
    const since = await lastSeq();

    const logins = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const gh = await lib.userGitHub("lee-lead");
        return (await gh.octokit.rest.users.getAuthenticated()).data.login;
      }),
    );

    expect(logins).toEqual(Array.from({ length: 10 }, () => "lee-lead"));
    const calls = await callsSince(since);
    expect(refreshes(calls)).toHaveLength(1);
    const userCalls = calls.filter((c) => c.path === "/api/v3/user");
    expect(userCalls).toHaveLength(10);
    expect(userCalls.every((c) => c.status === 200 && c.login === "lee-lead")).toBe(true);
  });

  it("a process whose refresh token another process just spent uses the pair the other stored", async () => {
    await signIn("dana-dev");
    await letTokenExpire("dana-dev");
    const stale = await database.prisma.user.findUniqueOrThrow({ where: { login: "dana-dev" } });
    // The other process: refreshes and stores first.
    await lib.userGitHub("dana-dev");
    const winner = await stored("dana-dev");
    const since = await lastSeq();

    // This process read the row before that and now spends the same refresh token.
    const outcome = await lib.refreshUserToken(config, "dana-dev", stale.refreshTokenEnc ?? "");

    expect(outcome).toEqual({ kind: "token", token: winner.accessToken });
    expect(refreshes(await callsSince(since))).toEqual([expect.objectContaining({ status: 200 })]);
    expect(await stored("dana-dev")).toEqual(winner);
  });

  it("a refresh whose conditional update loses to a new sign-in uses the signed-in token", async () => {
    await signIn("vic-viewer");
    await letTokenExpire("vic-viewer");
    const stale = await database.prisma.user.findUniqueOrThrow({ where: { login: "vic-viewer" } });
    // GitHub answers our refresh only after the person has signed in again.
    await control(sim, "POST", "/_sim/faults", {
      method: "POST",
      path: TOKEN_PATH,
      kind: "hang",
      seconds: 1.2, // under GITHUB_TIMEOUT_MS
    });
    const refreshing = lib.refreshUserToken(config, "vic-viewer", stale.refreshTokenEnc ?? "");
    // Once our refresh request holds the fault, the sign-in's own code exchange is not delayed.
    while ((await control<unknown[]>(sim, "GET", "/_sim/faults")).length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const fresh = await signIn("vic-viewer");

    const outcome = await refreshing;

    expect(outcome).toEqual({ kind: "token", token: fresh.accessToken });
    expect(await stored("vic-viewer")).toMatchObject({
      accessToken: fresh.accessToken,
      refreshToken: fresh.refreshToken,
    });
  });

  it("a used refresh token ends in NoUserTokenError asking to sign in again", async () => {
    const signedIn = await signIn("olly-outsider");
    await letTokenExpire("olly-outsider");
    // Spent outside Release Desk (or by a process that never stored the answer).
    const spent = await fetch(`${sim.url}${TOKEN_PATH}`, {
      method: "POST",
      headers: { accept: "application/json" },
      body: new URLSearchParams({
        client_id: "sim-client-id",
        client_secret: "sim-client-secret",
        grant_type: "refresh_token",
        refresh_token: signedIn.refreshToken,
      }),
    });
    expect(await spent.json()).toHaveProperty("access_token");

    const error = await lib.userGitHub("olly-outsider").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(lib.NoUserTokenError);
    expect((error as Error).message).toMatch(/bad_refresh_token.*sign in to Release Desk again/);
  });

  it("a revoked refresh token ends in NoUserTokenError and leaves the stored tokens alone", async () => {
    await signIn("quinn-qa");
    await letTokenExpire("quinn-qa");
    await control(sim, "POST", "/_sim/tokens/expire", { login: "quinn-qa", refreshTokens: true });
    const before = await stored("quinn-qa");

    await expect(lib.userGitHub("quinn-qa")).rejects.toThrow(
      /bad_refresh_token.*sign in to Release Desk again/,
    );
    await expect(lib.userGitHub("quinn-qa")).rejects.toBeInstanceOf(lib.NoUserTokenError);
    expect(await stored("quinn-qa")).toEqual(before);
  });

  it("a token expiring within five minutes is renewed ahead; one with more time left is not", async () => {
    const old = await signIn("lee-lead");
    const since = await lastSeq();
    await lib.userGitHub("lee-lead");
    expect(refreshes(await callsSince(since))).toHaveLength(0);

    await database.prisma.user.update({
      where: { login: "lee-lead" },
      data: { accessTokenExpires: new Date(Date.now() + 2 * 60_000) },
    });
    const gh = await lib.userGitHub("lee-lead");

    expect((await gh.octokit.rest.users.getAuthenticated()).data.login).toBe("lee-lead");
    expect(refreshes(await callsSince(since))).toHaveLength(1);
    expect((await stored("lee-lead")).accessToken).not.toBe(old.accessToken);
  });

  it("when GitHub does not answer the refresh, a token with minutes left is still used", async () => {
    const signedIn = await signIn("ada-admin");
    await database.prisma.user.update({
      where: { login: "ada-admin" },
      data: { accessTokenExpires: new Date(Date.now() + 2 * 60_000) },
    });
    await control(sim, "POST", "/_sim/faults", {
      method: "POST",
      path: TOKEN_PATH,
      kind: "hang",
      seconds: 5,
    });

    const gh = await lib.userGitHub("ada-admin");

    expect((await gh.octokit.rest.users.getAuthenticated()).data.login).toBe("ada-admin");
    expect((await stored("ada-admin")).accessToken).toBe(signedIn.accessToken);
    await control(sim, "DELETE", "/_sim/faults");
  });
});
