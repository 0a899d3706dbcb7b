import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cachedRead } from "./cached-read";
import { createGitHubClient, type GitHubClient } from "./client";
import { GitHubError, GitHubNotFoundError } from "./errors";
import { ReadCache, type ReadCacheOptions } from "./read-cache";
import { silentLog, startFakeGitHub, type FakeGitHub } from "./testing/fake-github-http";

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(() => fake.close());

/** What GitHub was asked: path, whether it was conditional, and the status it gave. */
const calls = () =>
  fake.requests.map((r) => ({ path: r.path, ifNoneMatch: r.headers["if-none-match"], status: r.status }));

let clock = 1_000_000;
const RUN = "/repos/acme/shop/actions/runs/1";

beforeEach(() => {
  fake.reset();
  fake.resources.set(RUN, { id: 1, status: "in_progress" });
  fake.resources.set("/repos/acme/shop/actions/runs/2", { id: 2, status: "queued" });
  fake.resources.set("/repos/acme/shop/actions/runs/3", { id: 3, status: "completed" });
  clock = 1_000_000;
});

const failNext = (status: number, body: unknown, headers?: Record<string, string>) =>
  fake.script("GET", RUN, { status, body, headers });

function client(cacheOptions: ReadCacheOptions = {}, token = "test-token"): GitHubClient {
  return createGitHubClient({
    baseUrl: fake.url,
    auth: { kind: "token", token },
    timeoutMs: 2_000,
    readRetries: 0,
    cache: new ReadCache({ minRevalidateMs: 5_000, now: () => clock, ...cacheOptions }),
    log: silentLog,
  });
}

const readRun = (gh: GitHubClient, run_id = 1) =>
  cachedRead(gh, "GET /repos/{owner}/{repo}/actions/runs/{run_id}", { owner: "acme", repo: "shop", run_id });

describe("read cache", () => {
  it("revalidates with If-None-Match and serves GitHub's 304 from the cache", async () => {
    const gh = client({ minRevalidateMs: 0 });
    const first = await readRun(gh);
    const second = await readRun(gh);

    expect(second.data).toEqual({ id: 1, status: "in_progress" });
    expect(second.stale).toBe(false);
    expect(first.data).toEqual(second.data);
    expect(calls().map((c) => [c.ifNoneMatch !== undefined, c.status])).toEqual([
      [false, 200],
      [true, 304],
    ]);
    expect(gh.cache.stats()).toMatchObject({ networkCalls: 2, revalidations: 1, notModified: 1 });
  });

  it("takes the new body when the resource changed since its ETag", async () => {
    const gh = client({ minRevalidateMs: 0 });
    await readRun(gh);
    fake.resources.set(RUN, { id: 1, status: "completed" });

    const read = await readRun(gh);

    expect(read.data).toEqual({ id: 1, status: "completed" });
    expect(calls().map((c) => [c.ifNoneMatch !== undefined, c.status])).toEqual([
      [false, 200],
      [true, 200],
    ]);
  });

  it("sends one request for twenty concurrent readers of the same resource", async () => {
    const gh = client();
    fake.delayMs = 100;

    const reads = await Promise.all(Array.from({ length: 20 }, () => readRun(gh)));

    expect(calls()).toHaveLength(1);
    expect(reads.every((r) => r.data.id === 1)).toBe(true);
    expect(gh.cache.stats()).toMatchObject({ networkCalls: 1, joined: 19 });
  });

  it("asks GitHub at most once per minimum interval", async () => {
    const gh = client({ minRevalidateMs: 5_000 });
    await readRun(gh);
    clock += 4_999;
    await readRun(gh);
    await readRun(gh);
    expect(calls()).toHaveLength(1);

    clock += 1;
    await readRun(gh);

    expect(calls()).toHaveLength(2);
    expect(calls()[1]?.ifNoneMatch).toBeDefined();
    expect(gh.cache.stats()).toMatchObject({ hits: 2, networkCalls: 2 });
  });

  it("asks again within the interval when the caller needs it fresh", async () => {
    const gh = client();
    await readRun(gh);
    await cachedRead(
      gh,
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}",
      { owner: "acme", repo: "shop", run_id: 1 },
      { fresh: true },
    );
    expect(calls().map((c) => c.status)).toEqual([200, 304]);
  });

  it("drops the least recently used entry beyond its bound", async () => {
    const gh = client({ maxEntries: 2 });
    await readRun(gh, 1);
    await readRun(gh, 2);
    await readRun(gh, 1); // hit: 1 becomes the most recently used
    await readRun(gh, 3); // evicts 2
    expect(calls()).toHaveLength(3);

    await readRun(gh, 1); // still cached
    await readRun(gh, 2); // evicted: fetched again, unconditionally

    expect(calls()).toHaveLength(4);
    expect(calls()[3]).toMatchObject({ path: "/repos/acme/shop/actions/runs/2", ifNoneMatch: undefined });
    expect(gh.cache.stats()).toMatchObject({ entries: 2, evictions: 2 });
  });

  it("serves the last good data flagged stale while GitHub fails, then recovers", async () => {
    const gh = client();
    const good = await readRun(gh);
    clock += 10_000;
    failNext(503, { message: "Service Unavailable" });

    const stale = await readRun(gh);

    expect(stale).toMatchObject({ stale: true, data: { id: 1, status: "in_progress" } });
    expect(stale.fetchedAt).toEqual(good.fetchedAt);
    expect(stale.stale && stale.error).toMatch(/^GitHub unavailable: 503 /);

    clock += 1_000; // within the interval: no new request, still flagged
    expect((await readRun(gh)).stale).toBe(true);
    expect(calls()).toHaveLength(2);

    clock += 5_000;
    const recovered = await readRun(gh);
    expect(recovered.stale).toBe(false);
    expect(recovered.fetchedAt.getTime()).toBe(clock);
    expect(calls().map((c) => c.status)).toEqual([200, 503, 304]);
  });

  it("serves stale data with the notice when GitHub's rate limit is exhausted", async () => {
    const gh = client();
    await readRun(gh);
    clock += 10_000;
    const reset = Math.floor(Date.now() / 1000) + 3_600;
    failNext(
      403,
      { message: "API rate limit exceeded for user ID 1." },
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
    );

    const read = await readRun(gh);

    expect(read.stale).toBe(true);
    expect(read.stale && read.error).toBe(
      `GitHub unavailable: rate limit exceeded until ${new Date(reset * 1000).toISOString()}`,
    );
    // An hour's wait is not worth holding a page for: no retry was sent.
    expect(calls()).toHaveLength(2);
  });

  it("does not serve stale data when GitHub says the resource is gone", async () => {
    const gh = client();
    await readRun(gh);
    clock += 10_000;
    fake.resources.delete(RUN);

    await expect(readRun(gh)).rejects.toBeInstanceOf(GitHubNotFoundError);
    // The answer is remembered for the interval rather than asked again.
    await expect(readRun(gh)).rejects.toBeInstanceOf(GitHubNotFoundError);
    expect(calls().map((c) => c.status)).toEqual([200, 404]);
  });

  it("throws a typed error when GitHub fails and nothing is cached", async () => {
    const gh = client();
    failNext(502, { message: "Bad Gateway" });

    const error: unknown = await readRun(gh).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ kind: "unavailable", status: 502 });
  });

  it("revalidates invalidated entries on next read, conditionally", async () => {
    const gh = client();
    await readRun(gh, 1);
    await readRun(gh, 2);

    const count = gh.cache.invalidate((key) => key.params.run_id === 1);
    await readRun(gh, 1);
    await readRun(gh, 2);

    expect(count).toBe(1);
    expect(calls().map((c) => [c.path, c.status])).toEqual([
      [RUN, 200],
      ["/repos/acme/shop/actions/runs/2", 200],
      [RUN, 304],
    ]);
  });

  it("keeps each identity's entries apart, as GitHub's ETags are per token", async () => {
    const cache = new ReadCache({ now: () => clock });
    const options = { baseUrl: fake.url, log: silentLog, timeoutMs: 2_000, readRetries: 0, cache };
    const alice = createGitHubClient({ ...options, auth: { kind: "token", token: "alice" } });
    const bob = createGitHubClient({ ...options, auth: { kind: "token", token: "bob" } });

    await readRun(alice);
    await readRun(bob);
    await readRun(alice);

    expect(calls()).toHaveLength(2);
    expect(alice.identity).not.toContain("alice");
  });

  it("passes every read through when disabled", async () => {
    const gh = client({ enabled: false });
    await readRun(gh);
    await readRun(gh);
    expect(calls().map((c) => [c.ifNoneMatch, c.status])).toEqual([
      [undefined, 200],
      [undefined, 200],
    ]);
  });
});
