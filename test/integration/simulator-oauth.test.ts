import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { control, octokitAs, startTestSimulator, statusOf } from "./simulator-helpers";

let sim: RunningSimulator;
const redirectUri = "http://localhost:3000/api/auth/callback/github";

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim?.close());

async function authorize(login: string, extra: Record<string, string> = {}): Promise<URL> {
  const form = new URLSearchParams({
    client_id: "sim-client-id",
    redirect_uri: redirectUri,
    state: "st-1",
    scope: "read:user",
    login,
    ...extra,
  });
  const res = await fetch(`${sim.url}/login/oauth/authorize`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location") ?? "");
}

async function exchange(
  body: Record<string, string>,
  headers: Record<string, string> = { accept: "application/json" },
) {
  const res = await fetch(`${sim.url}/login/oauth/access_token`, {
    method: "POST",
    headers,
    body: new URLSearchParams(body),
  });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

describe("GitHub OAuth web flow", () => {
  it("the authorize page offers every demo identity", async () => {
    const q = new URLSearchParams({
      client_id: "sim-client-id",
      redirect_uri: redirectUri,
      state: "xyz",
      scope: "read:user",
    });
    const res = await fetch(`${sim.url}/login/oauth/authorize?${q.toString()}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    for (const [login, who] of [
      ["quinn-qa", "QA reviewer"],
      ["lee-lead", "release lead"],
      ["ada-admin", "administrator"],
      ["dana-dev", "developer, authors the commits"],
      ["vic-viewer", "stakeholder"],
      ["olly-outsider", "not allowed in"],
    ]) {
      expect(html).toContain(`Sign in as ${login} (${who})`);
    }
    expect(html).toContain('value="xyz"');
  });

  it("an unknown client_id gets GitHub's 404 page, not a redirect", async () => {
    const res = await fetch(
      `${sim.url}/login/oauth/authorize?client_id=other&redirect_uri=${encodeURIComponent(redirectUri)}`,
    );
    expect(res.status).toBe(404);
  });

  it("code → token → /user, and the code works once", async () => {
    const back = await authorize("quinn-qa");
    expect(back.origin + back.pathname).toBe(redirectUri);
    expect(back.searchParams.get("state")).toBe("st-1");
    const code = back.searchParams.get("code") ?? "";
    const creds = {
      client_id: "sim-client-id",
      client_secret: "sim-client-secret",
      code,
      redirect_uri: redirectUri,
    };
    const first = await exchange(creds);
    expect(first.type).toContain("application/json");
    const token = JSON.parse(first.text) as { access_token: string; token_type: string; scope: string };
    expect(token).toMatchObject({ token_type: "bearer", scope: "read:user" });
    const user = await octokitAs(sim, { token: token.access_token }).rest.users.getAuthenticated();
    expect(user.data).toMatchObject({
      login: "quinn-qa",
      name: "Quinn Quality",
      avatar_url: `${sim.url}/avatars/quinn-qa.svg`,
    });
    expect(JSON.parse((await exchange(creds)).text)).toMatchObject({ error: "bad_verification_code" });
  });

  it("accepts client credentials in Basic auth and answers urlencoded without Accept: json", async () => {
    const code = (await authorize("dana-dev")).searchParams.get("code") ?? "";
    const basic = Buffer.from("sim-client-id:sim-client-secret").toString("base64");
    const res = await exchange(
      { code, grant_type: "authorization_code" },
      { authorization: `Basic ${basic}` },
    );
    expect(res.type).toContain("application/x-www-form-urlencoded");
    const token = new URLSearchParams(res.text).get("access_token") ?? "";
    const user = await octokitAs(sim, { token }).rest.users.getAuthenticated();
    expect(user.data.email).toBeNull();
  });

  it("rejects a wrong client secret and a wrong PKCE verifier", async () => {
    const code = (await authorize("lee-lead")).searchParams.get("code") ?? "";
    const wrong = await exchange({ client_id: "sim-client-id", client_secret: "nope", code });
    expect(JSON.parse(wrong.text)).toMatchObject({ error: "incorrect_client_credentials" });

    const verifier = "a".repeat(50);
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const pkce = { code_challenge: challenge, code_challenge_method: "S256" };
    const c1 = (await authorize("lee-lead", pkce)).searchParams.get("code") ?? "";
    const creds = { client_id: "sim-client-id", client_secret: "sim-client-secret" };
    expect(
      JSON.parse((await exchange({ ...creds, code: c1, code_verifier: "b".repeat(50) })).text),
    ).toMatchObject({
      error: "bad_verification_code",
    });
    const c2 = (await authorize("lee-lead", pkce)).searchParams.get("code") ?? "";
    expect(JSON.parse((await exchange({ ...creds, code: c2, code_verifier: verifier })).text)).toHaveProperty(
      "access_token",
    );
  });

  it("the API refuses missing or unknown tokens with 401 Bad credentials", async () => {
    const res = await fetch(`${sim.apiUrl}/user`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: "Bad credentials" });
    expect(await statusOf(octokitAs(sim, { token: "gho_unknown" }).rest.users.getAuthenticated())).toBe(401);
  });

  it("serves an SVG avatar per login", async () => {
    const res = await fetch(`${sim.url}/avatars/vic-viewer.svg`);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(await res.text()).toContain(">VV<");
  });
});

describe("GitHub App expiring user tokens (SIM_USER_TOKEN_TTL_SECONDS)", () => {
  let app: RunningSimulator;
  beforeAll(async () => {
    app = await startTestSimulator({ userTokenTtlSeconds: 28_800 });
  });
  afterAll(() => app?.close());

  const post = async (body: Record<string, string>) => {
    const res = await fetch(`${app.url}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json" },
      body: new URLSearchParams({ client_id: "sim-client-id", client_secret: "sim-client-secret", ...body }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const codeFor = async (login: string) => {
    const form = new URLSearchParams({ client_id: "sim-client-id", redirect_uri: redirectUri, login });
    const res = await fetch(`${app.url}/login/oauth/authorize`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    return new URL(res.headers.get("location") ?? "").searchParams.get("code") ?? "";
  };
  const signIn = async (login: string) =>
    (await post({ code: await codeFor(login), redirect_uri: redirectUri })).body as {
      access_token: string;
      refresh_token: string;
    };
  const userStatus = (token: string) => statusOf(octokitAs(app, { token }).rest.users.getAuthenticated());

  it("the token answer carries expires_in, a ghr_ refresh token and its lifetime, as numbers", async () => {
    const { status, body } = await post({ code: await codeFor("quinn-qa"), redirect_uri: redirectUri });
    expect(status).toBe(200);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^ghu_/) as unknown,
      expires_in: 28_800,
      refresh_token: expect.stringMatching(/^ghr_/) as unknown,
      refresh_token_expires_in: 15_897_600,
      token_type: "bearer",
      scope: "",
    });
    expect(await userStatus(body.access_token as string)).toBe(200);
  });

  it("an expired token gets 401 Bad credentials; the fixed demo token keeps working", async () => {
    const { access_token } = await signIn("lee-lead");
    expect(await control(app, "POST", "/_sim/tokens/expire", { login: "lee-lead" })).toEqual({
      accessTokens: 1,
      refreshTokens: 0,
    });
    const res = await fetch(`${app.apiUrl}/user`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: "Bad credentials" });
    expect(await userStatus("sim-token-lee-lead")).toBe(200);
  });

  it("a refresh token gives a new pair once; the old access token dies and a reuse is refused", async () => {
    const first = await signIn("dana-dev");
    const refresh = { grant_type: "refresh_token", refresh_token: first.refresh_token };
    const second = await post(refresh);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      access_token: expect.stringMatching(/^ghu_/) as unknown,
      expires_in: 28_800,
      refresh_token: expect.stringMatching(/^ghr_/) as unknown,
      refresh_token_expires_in: 15_897_600,
    });
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    const user = await octokitAs(app, {
      token: second.body.access_token as string,
    }).rest.users.getAuthenticated();
    expect(user.data.login).toBe("dana-dev");
    expect(await userStatus(first.access_token)).toBe(401);

    const reuse = await post(refresh);
    expect(reuse.status).toBe(200);
    expect(reuse.body).toMatchObject({ error: "bad_refresh_token" });
    expect(reuse.body).not.toHaveProperty("access_token");
  });

  it("a revoked refresh token is refused", async () => {
    const { refresh_token } = await signIn("ada-admin");
    await control(app, "POST", "/_sim/tokens/expire", { login: "ada-admin", refreshTokens: true });
    expect((await post({ grant_type: "refresh_token", refresh_token })).body).toMatchObject({
      error: "bad_refresh_token",
    });
  });
});
