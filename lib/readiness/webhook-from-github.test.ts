import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGitHubClient, type GitHubClient } from "@/lib/github/client";
import { listRepoHooks } from "@/lib/github/list-repo-hooks";
import { ReadCache } from "@/lib/github/read-cache";
import { silentLog, startFakeGitHub, type FakeGitHub } from "@/lib/github/testing/fake-github-http";
import { settle } from "./settle";
import { webhookReadiness } from "./webhook";

/** The webhook check fed by the real gateway, so GitHub's own refusals are what it reads. */
let fake: FakeGitHub;
let gh: GitHubClient;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  gh = createGitHubClient({
    baseUrl: fake.url,
    auth: { kind: "token", token: "t" },
    log: silentLog,
    cache: new ReadCache(),
  });
});

const HOOKS = "/repos/acme/shop/hooks";
const check = async () => {
  const hooks = await settle(async () => (await listRepoHooks(gh, { owner: "acme", repo: "shop" })).data);
  return webhookReadiness({ hooks, secretConfigured: true, appUrl: "https://rd.example" }).checks;
};

describe("webhook check against GitHub's answers", () => {
  it("reads a 403 without rate-limit headers as 'may not read hooks': unknown, asked once", async () => {
    fake.script("GET", HOOKS, {
      status: 403,
      headers: { "x-ratelimit-remaining": "4999" },
      body: { message: "Resource not accessible by personal access token" },
    });

    const checks = await check();

    expect(checks).toEqual([expect.objectContaining({ id: "webhook.configured", status: "unknown" })]);
    expect(checks[0]?.detail).toContain("403: Resource not accessible by personal access token");
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${HOOKS}`]);
  });

  it("reads the 404 GitHub gives non-admins as unknown too", async () => {
    const checks = await check();

    expect(checks[0]).toMatchObject({ status: "unknown" });
    expect(checks[0]?.detail).toContain("404");
  });

  it("fails when GitHub lists no hooks at all", async () => {
    fake.resources.set(HOOKS, []);

    const checks = await check();

    expect(checks).toEqual([expect.objectContaining({ id: "webhook.configured", status: "fail" })]);
  });
});
