import { describe, expect, it } from "vitest";
import { REFRESH_TOKEN_TTL_SECONDS, TokenStore } from "./token-store";

function storeAt(ttl: number) {
  const clock = { now: Date.parse("2026-03-02T08:00:00Z") };
  const store = new TokenStore("server-token", { userTokenTtlSeconds: ttl, now: () => clock.now });
  return { store, clock };
}

describe("TokenStore", () => {
  it("without a TTL issues OAuth App tokens that never expire and no refresh token", () => {
    const { store, clock } = storeAt(0);
    const grant = store.issue("quinn-qa", "repo");
    expect(grant).toEqual({
      access_token: expect.stringMatching(/^gho_/) as unknown,
      token_type: "bearer",
      scope: "repo",
    });
    clock.now += 365 * 24 * 3600 * 1000;
    expect(store.resolve(grant.access_token)?.login).toBe("quinn-qa");
  });

  it("with a TTL issues an expiring ghu_ token and a ghr_ refresh token, as a GitHub App does", () => {
    const { store, clock } = storeAt(28_800);
    const grant = store.issue("quinn-qa", "");
    expect(grant).toEqual({
      access_token: expect.stringMatching(/^ghu_/) as unknown,
      expires_in: 28_800,
      refresh_token: expect.stringMatching(/^ghr_/) as unknown,
      refresh_token_expires_in: REFRESH_TOKEN_TTL_SECONDS,
      token_type: "bearer",
      scope: "",
    });
    clock.now += 28_799_000;
    expect(store.resolve(grant.access_token)?.login).toBe("quinn-qa");
    clock.now += 1000;
    expect(store.resolve(grant.access_token)).toBeNull();
    expect(store.scopeOf(grant.access_token)).toBeNull();
  });

  it("a refresh token works once and ends the access token issued with it", () => {
    const { store } = storeAt(60);
    const first = store.issue("lee-lead", "");
    const second = store.refresh(first.refresh_token ?? "");
    expect(second?.access_token).toMatch(/^ghu_/);
    expect(second?.refresh_token).not.toBe(first.refresh_token);
    expect(store.resolve(second?.access_token ?? "")?.login).toBe("lee-lead");
    expect(store.resolve(first.access_token)).toBeNull();
    expect(store.refresh(first.refresh_token ?? "")).toBeNull();
    expect(store.refresh("ghr_unknown")).toBeNull();
  });

  it("an expired refresh token is refused", () => {
    const { store, clock } = storeAt(60);
    const grant = store.issue("lee-lead", "");
    clock.now += REFRESH_TOKEN_TTL_SECONDS * 1000;
    expect(store.refresh(grant.refresh_token ?? "")).toBeNull();
  });

  it("expire() ends a login's issued tokens but never the fixed demo and server tokens", () => {
    const { store } = storeAt(3600);
    const quinn = store.issue("quinn-qa", "");
    const lee = store.issue("lee-lead", "");
    expect(store.expire("quinn-qa")).toEqual({ accessTokens: 1, refreshTokens: 0 });
    expect(store.resolve(quinn.access_token)).toBeNull();
    expect(store.resolve("sim-token-quinn-qa")?.login).toBe("quinn-qa");
    expect(store.resolve("server-token")).not.toBeNull();
    expect(store.resolve(lee.access_token)?.login).toBe("lee-lead");
    // The refresh token survives an expiry (that is what it is for) but not a revocation.
    const renewed = store.refresh(quinn.refresh_token ?? "");
    expect(store.resolve(renewed?.access_token ?? "")?.login).toBe("quinn-qa");
    expect(store.expire("quinn-qa", { refreshTokens: true })).toEqual({ accessTokens: 1, refreshTokens: 1 });
    expect(store.refresh(renewed?.refresh_token ?? "")).toBeNull();
  });
});
