import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { control, octokitAs, startTestSimulator, TEST_START } from "./simulator-helpers";

const owner = "acme";
const repo = "shop";
const r = { owner, repo };

let sim: RunningSimulator;
let lead: Octokit;

beforeAll(async () => {
  sim = await startTestSimulator();
  lead = octokitAs(sim, { login: "lee-lead" });
});
afterAll(() => sim?.close());

describe("HTTP behaviour", () => {
  it("lists runs with filters and paginates with Link headers on its own base URL", async () => {
    const page2 = await lead.rest.actions.listWorkflowRunsForRepo({ ...r, per_page: 10, page: 2 });
    const link = String(page2.headers.link);
    for (const rel of ["next", "last", "first", "prev"]) expect(link).toContain(`rel="${rel}"`);
    expect(link).toContain(`<${sim.apiUrl}/repos/acme/shop/actions/runs?per_page=10&page=3>; rel="next"`);
    const all = await lead.paginate(lead.rest.actions.listWorkflowRunsForRepo, { ...r, per_page: 100 });
    expect(all.length).toBe(page2.data.total_count);
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
    const failures = await lead.rest.actions.listWorkflowRunsForRepo({
      ...r,
      status: "failure",
      per_page: 100,
    });
    expect(failures.data.workflow_runs.every((x) => x.conclusion === "failure")).toBe(true);
    const since = new Date(TEST_START.getTime() - 3 * 86_400_000).toISOString();
    const recent = await lead.rest.actions.listWorkflowRunsForRepo({
      ...r,
      created: `>=${since}`,
      per_page: 100,
    });
    expect(recent.data.total_count).toBeLessThan(page2.data.total_count);
    expect(recent.data.workflow_runs.every((x) => x.created_at >= since.replace(/\.\d+Z$/, "Z"))).toBe(true);
    const day = TEST_START.toISOString().slice(0, 10);
    const range = await lead.rest.actions.listWorkflowRunsForRepo({
      ...r,
      created: `2000-01-01..${day}`,
      per_page: 1,
    });
    expect(range.data.total_count).toBeGreaterThan(0);
    const byActor = await lead.rest.actions.listWorkflowRunsForRepo({
      ...r,
      actor: "lee-lead",
      event: "workflow_dispatch",
    });
    expect(byActor.data.workflow_runs.every((x) => x.actor?.login === "lee-lead")).toBe(true);
  });

  it("ETag/304 answers do not spend the rate budget; ETags differ per token", async () => {
    const first = await lead.rest.actions.listRepoWorkflows(r);
    const etag = String(first.headers.etag);
    const remaining = Number(first.headers["x-ratelimit-remaining"]);
    const conditional = await fetch(`${sim.apiUrl}/repos/acme/shop/actions/workflows`, {
      headers: { authorization: "token sim-token-lee-lead", "if-none-match": etag },
    });
    expect(conditional.status).toBe(304);
    expect(Number(conditional.headers.get("x-ratelimit-remaining"))).toBe(remaining);
    const again = await lead.rest.actions.listRepoWorkflows(r);
    expect(Number(again.headers["x-ratelimit-remaining"])).toBe(remaining - 1);
    expect(again.headers.etag).toBe(etag);
    const other = await octokitAs(sim, { login: "quinn-qa" }).rest.actions.listRepoWorkflows(r);
    expect(other.headers.etag).not.toBe(etag);
    expect(first.headers["x-github-api-version-selected"]).toBe("2022-11-28");
    expect(first.headers["x-ratelimit-resource"]).toBe("core");
  });

  it("an exhausted budget answers 403 with x-ratelimit-remaining: 0", async () => {
    const small = await startTestSimulator({ rateLimit: 2 });
    try {
      const o = octokitAs(small, { login: "dana-dev" });
      await o.rest.repos.get(r);
      await o.rest.repos.get(r);
      const res = await fetch(`${small.apiUrl}/repos/acme/shop`, {
        headers: { authorization: "token sim-token-dana-dev" },
      });
      expect(res.status).toBe(403);
      expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(((await res.json()) as { message: string }).message).toMatch(/rate limit exceeded/);
    } finally {
      await small.close();
    }
  });

  it("injects faults: 5xx once, primary and secondary rate limits, hangs and dropped connections", async () => {
    const url = `${sim.apiUrl}/repos/acme/shop/pulls`;
    const get = (signal?: AbortSignal) =>
      fetch(url, { headers: { authorization: "token sim-token-lee-lead" }, signal });
    await control(sim, "POST", "/_sim/faults", {
      path: "/api/v3/repos/*/*/pulls",
      kind: "status",
      status: 502,
      count: 1,
    });
    expect((await get()).status).toBe(502);
    expect((await get()).status).toBe(200);

    await control(sim, "POST", "/_sim/faults", {
      method: "GET",
      path: "^/api/v3/repos/acme/shop/pulls$",
      kind: "rate-limit",
      seconds: 30,
    });
    const limited = await get();
    expect(limited.status).toBe(403);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);

    await control(sim, "POST", "/_sim/faults", {
      path: "/api/v3/**",
      kind: "rate-limit",
      status: 429,
      seconds: 7,
    });
    const tooMany = await get();
    expect([tooMany.status, tooMany.headers.get("retry-after")]).toEqual([429, "7"]);

    await control(sim, "POST", "/_sim/faults", {
      path: "/api/v3/**",
      kind: "secondary-rate-limit",
      seconds: 45,
    });
    const secondary = await get();
    expect([secondary.status, secondary.headers.get("retry-after")]).toEqual([403, "45"]);
    expect(((await secondary.json()) as { message: string }).message).toMatch(/secondary rate limit/);

    await control(sim, "POST", "/_sim/faults", { path: "/api/v3/**", kind: "hang", seconds: 0.3 });
    const started = Date.now();
    expect((await get()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);

    await control(sim, "POST", "/_sim/faults", { path: "/api/v3/**", kind: "hang" });
    await expect(get(AbortSignal.timeout(200))).rejects.toThrow();

    await control(sim, "POST", "/_sim/faults", { path: "/api/v3/**", kind: "drop" });
    await expect(get()).rejects.toThrow();
    expect((await get()).status).toBe(200);

    const calls = await control<{ calls: { fault: string | null; status: number }[] }>(
      sim,
      "GET",
      "/_sim/calls",
    );
    const faults = calls.calls.filter((c) => c.fault).map((c) => c.fault);
    expect(faults).toEqual(
      expect.arrayContaining(["status", "rate-limit", "secondary-rate-limit", "hang", "drop"]),
    );
    expect((await control<unknown[]>(sim, "GET", "/_sim/faults")).length).toBe(0);
  });

  it("the call log records who asked what, with If-None-Match, since a sequence number", async () => {
    const { lastSeq } = await control<{ lastSeq: number }>(sim, "GET", "/_sim/calls");
    await lead.rest.repos.get(r);
    const { calls } = await control<{ calls: Record<string, unknown>[] }>(
      sim,
      "GET",
      `/_sim/calls?since=${lastSeq}`,
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "GET",
      path: "/api/v3/repos/acme/shop",
      status: 200,
      login: "lee-lead",
      ifNoneMatch: false,
    });
  });
});
