import { describe, expect, it } from "vitest";
import type { SimRequest } from "../http/types";
import { accessToken } from "./access-token";
import { TokenStore } from "./token-store";

const CLIENT = { client_id: "cid", client_secret: "secret" };

function setup(ttl: number) {
  const tokens = new TokenStore("server-token", { userTokenTtlSeconds: ttl });
  const handler = accessToken({ clientId: "cid", clientSecret: "secret", tokens });
  const post = async (body: Record<string, string>, accept = "application/json") => {
    const req: SimRequest = {
      method: "POST",
      path: "/login/oauth/access_token",
      query: new URLSearchParams(),
      headers: { accept },
      rawBody: Buffer.alloc(0),
      body,
      params: {},
      caller: null,
      token: null,
      requestId: "r",
    };
    return handler(req);
  };
  const code = () =>
    tokens.createCode({
      login: "quinn-qa",
      clientId: "cid",
      redirectUri: "http://app/cb",
      scope: "",
      codeChallenge: null,
      codeChallengeMethod: null,
    });
  return { post, code };
}

describe("POST /login/oauth/access_token", () => {
  it("answers a code with GitHub's expiring-token fields, numbers in JSON", async () => {
    const { post, code } = setup(28_800);
    const res = await post({ ...CLIENT, code: code() });
    expect(res.json).toMatchObject({
      access_token: expect.stringMatching(/^ghu_/) as unknown,
      expires_in: 28_800,
      refresh_token: expect.stringMatching(/^ghr_/) as unknown,
      refresh_token_expires_in: 15_897_600,
      token_type: "bearer",
    });
  });

  it("urlencodes the same fields when JSON was not asked for", async () => {
    const { post, code } = setup(600);
    const res = await post({ ...CLIENT, code: code() }, "*/*");
    const form = new URLSearchParams(res.text);
    expect(form.get("expires_in")).toBe("600");
    expect(form.get("refresh_token")).toMatch(/^ghr_/);
  });

  it("exchanges a refresh token once; a reuse gets bad_refresh_token as a 200", async () => {
    const { post, code } = setup(600);
    const first = (await post({ ...CLIENT, code: code() })).json as { refresh_token: string };
    const refresh = { ...CLIENT, grant_type: "refresh_token", refresh_token: first.refresh_token };
    const second = await post(refresh);
    expect(second.json).toMatchObject({
      access_token: expect.stringMatching(/^ghu_/) as unknown,
      expires_in: 600,
    });
    const reuse = await post(refresh);
    expect(reuse.status).toBe(200);
    expect(reuse.json).toMatchObject({ error: "bad_refresh_token" });
  });

  it("refuses a refresh with wrong client credentials before spending the refresh token", async () => {
    const { post, code } = setup(600);
    const first = (await post({ ...CLIENT, code: code() })).json as { refresh_token: string };
    const refresh = { grant_type: "refresh_token", refresh_token: first.refresh_token };
    expect((await post({ ...refresh, client_id: "cid", client_secret: "nope" })).json).toMatchObject({
      error: "incorrect_client_credentials",
    });
    expect((await post({ ...CLIENT, ...refresh })).json).toHaveProperty("access_token");
  });

  it("refuses an unknown grant type", async () => {
    const { post } = setup(600);
    expect((await post({ ...CLIENT, grant_type: "password" })).json).toMatchObject({
      error: "unsupported_grant_type",
    });
  });
});
