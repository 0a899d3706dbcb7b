import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { octokitAs, startTestSimulator, statusOf } from "./simulator-helpers";

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
