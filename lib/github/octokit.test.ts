import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GitHubRateLimitedError, GitHubTimeoutError, GitHubUnavailableError } from "./errors";
import { createOctokit, type CreateOctokitOptions } from "./octokit";
import { silentLog, startFakeGitHub, type FakeGitHub } from "./testing/fake-github-http";

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const RUN = "/repos/acme/shop/actions/runs/1";
const octokit = (options: Partial<CreateOctokitOptions> = {}) =>
  createOctokit({ baseUrl: fake.url, auth: { kind: "token", token: "t" }, log: silentLog, ...options });
const getRun = (o: ReturnType<typeof octokit>) =>
  o.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", { owner: "acme", repo: "shop", run_id: 1 });
const postRerun = (o: ReturnType<typeof octokit>) =>
  o.request("POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun", {
    owner: "acme",
    repo: "shop",
    run_id: 1,
  });

describe("octokit", () => {
  it("identifies itself as release-desk", async () => {
    fake.resources.set(RUN, { id: 1 });
    await getRun(octokit());
    expect(fake.requests[0]?.headers["user-agent"]).toMatch(/^release-desk /);
  });

  it("gives up on a read that hangs past the timeout, without retrying it", async () => {
    fake.script("GET", RUN, "hang");
    const started = Date.now();

    const error: unknown = await getRun(octokit({ timeoutMs: 300, readRetries: 2 })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GitHubTimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.requests).toHaveLength(1);
  });

  it("gives each retry of a read its own timeout", async () => {
    // Each attempt takes 200 ms of a 300 ms budget; one signal shared across attempts (plus the
    // 1 s retry back-off) would abort the second.
    fake.delayMs = 200;
    fake.script("GET", RUN, { status: 502, body: { message: "Bad Gateway" } });
    fake.resources.set(RUN, { id: 1 });

    const response = await getRun(octokit({ timeoutMs: 300, readRetries: 1 }));

    expect(response.data).toEqual({ id: 1 });
    expect(fake.requests.map((r) => r.status)).toEqual([502, 200]);
  });

  it("never retries a write after a server error, even when the caller did not ask for that", async () => {
    fake.script("POST", `${RUN}/rerun`, { status: 502, body: { message: "Bad Gateway" } });

    await expect(postRerun(octokit({ readRetries: 3 }))).rejects.toMatchObject({ status: 502 });
    expect(fake.requests).toHaveLength(1);
  });

  it("waits as retry-after says and retries a read after a secondary rate limit", async () => {
    fake.script("GET", RUN, {
      status: 403,
      headers: { "retry-after": "1" },
      body: { message: "You have exceeded a secondary rate limit." },
    });
    fake.resources.set(RUN, { id: 1 });
    const started = Date.now();

    await getRun(octokit());

    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(fake.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it("does not retry a write after a secondary rate limit", async () => {
    fake.script("POST", `${RUN}/rerun`, {
      status: 403,
      headers: { "retry-after": "1" },
      body: { message: "You have exceeded a secondary rate limit." },
    });

    const error: unknown = await postRerun(octokit()).catch((e: unknown) => e);

    expect(fake.requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 403 });
  });

  it("does not wait longer than allowed for a rate limit to reset", async () => {
    const reset = Math.ceil(Date.now() / 1000) + 120;
    fake.script("GET", RUN, {
      status: 403,
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
      body: { message: "API rate limit exceeded for user ID 1." },
    });

    await expect(getRun(octokit({ maxRateLimitWaitSeconds: 15 }))).rejects.toMatchObject({ status: 403 });
    expect(fake.requests).toHaveLength(1);
  });
});

describe("toGitHubError", () => {
  it("maps a rate-limit answer, a dropped connection and a timeout to typed errors", async () => {
    const { toGitHubError } = await import("./errors");
    const reset = Math.ceil(Date.now() / 1000) + 120;
    fake.script("GET", RUN, {
      status: 403,
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
      body: { message: "API rate limit exceeded for user ID 1." },
    });
    const limited = toGitHubError(await getRun(octokit()).catch((e: unknown) => e));
    expect(limited).toBeInstanceOf(GitHubRateLimitedError);
    expect((limited as GitHubRateLimitedError).resetAt?.getTime()).toBe(reset * 1000);

    const refused = createOctokit({
      baseUrl: "http://127.0.0.1:9",
      auth: { kind: "token", token: "t" },
      readRetries: 0,
      log: silentLog,
    });
    expect(toGitHubError(await getRun(refused).catch((e: unknown) => e))).toBeInstanceOf(
      GitHubUnavailableError,
    );
  });
});
