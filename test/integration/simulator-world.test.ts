import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { advance, control, octokitAs, simState, startTestSimulator, statusOf, TEST_START } from "./simulator-helpers";

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

async function deploymentsOf(environment: string, sha?: string) {
  return (await lead.rest.repos.listDeployments({ ...r, environment, ...(sha ? { sha } : {}) })).data;
}

async function statesOf(id: number) {
  return (await lead.rest.repos.listDeploymentStatuses({ ...r, deployment_id: id })).data.map((s) => s.state);
}

describe("the pipeline in the simulated world", () => {
  it("seeds weeks of history: a bad deploy, lee-lead's rollback and a release waiting in staging", async () => {
    const s = await simState(sim);
    expect(s.counts.runs).toBeGreaterThan(60);
    const prod = await lead.paginate(lead.rest.repos.listDeployments, { ...r, environment: "production", per_page: 100 });
    expect(prod.length).toBeGreaterThanOrEqual(15);
    expect(prod.length).toBeLessThanOrEqual(30);
    const rollback = await lead.rest.actions.getWorkflowRun({ ...r, run_id: s.seeded.rollbackRunId });
    expect(rollback.data).toMatchObject({ event: "workflow_dispatch", actor: { login: "lee-lead" }, conclusion: "success" });
    expect(rollback.data.display_title).toMatch(new RegExp(`^Deploy ${s.seeded.rollbackTargetSha} \\(rollback\\) \\[.+\\]$`));
    // The run's head_sha is the branch tip, not the SHA it deployed.
    expect(rollback.data.head_sha).not.toBe(s.seeded.rollbackTargetSha);
    const bad = prod.find((d) => d.sha === s.seeded.badMergeSha);
    expect((bad?.payload as { accepted_sha?: string }).accepted_sha).toBe(s.seeded.badSha);
    const restored = prod.filter((d) => d.sha === s.seeded.rollbackTargetSha).map((d) => (d.payload as { reason: string }).reason);
    expect(restored).toContain("rollback");
    expect(s.staging).toMatchObject({ sha: s.seeded.candidateSha, namespace: s.seeded.candidateNamespace, state: "success" });
    expect(s.openPull?.headSha).toBe(s.seeded.candidateSha);
    const commits = await lead.rest.repos.compareCommitsWithBasehead({ ...r, basehead: "main...testing" });
    expect(commits.data.commits.every((c) => c.author?.login === "dana-dev")).toBe(true);
  });

  it("push to testing → CI → staging deployment with namespace and image digests", async () => {
    const push = await control<{ sha: string; runIds: number[] }>(sim, "POST", "/_sim/push", { branch: "testing", message: "Add stock level checks (product_service)" });
    const runId = push.runIds[0] ?? 0;
    expect((await lead.rest.actions.getWorkflowRun({ ...r, run_id: runId })).data).toMatchObject({ status: "queued", head_sha: push.sha });
    await advance(sim, 60);
    expect((await lead.rest.actions.getWorkflowRun({ ...r, run_id: runId })).data.status).toBe("in_progress");
    await advance(sim, 1200);
    const run = (await lead.rest.actions.getWorkflowRun({ ...r, run_id: runId })).data;
    expect(run).toMatchObject({ status: "completed", conclusion: "success", event: "push", actor: { login: "dana-dev" } });
    const jobs = (await lead.rest.actions.listJobsForWorkflowRun({ ...r, run_id: runId })).data.jobs;
    expect(jobs.map((j) => j.name)).toContain("test-order_service");
    expect(jobs.every((j) => j.steps && j.steps.length > 3 && j.conclusion === "success")).toBe(true);
    const [d] = await deploymentsOf("staging", push.sha);
    expect(d?.payload).toMatchObject({ namespace: `staging-${push.sha.slice(0, 7)}` });
    const images = (d?.payload as { images: Record<string, string> }).images;
    expect(Object.keys(images).sort()).toEqual(["customer_service", "frontend", "order_service", "product_service"]);
    expect(Object.values(images).every((v) => /^sha256:[0-9a-f]{64}$/.test(v))).toBe(true);
    expect(await statesOf(d?.id ?? 0)).toEqual(["success", "in_progress"]);
  });

  it("a failing CI run marks its staging deployment failed; a re-run can recover a flaky one", async () => {
    const failing = await control<{ sha: string; runIds: number[] }>(sim, "POST", "/_sim/push", { branch: "testing", ci: "failure", ciFailsAt: "smoke" });
    const flaky = await control<{ sha: string; runIds: number[] }>(sim, "POST", "/_sim/push", { branch: "testing", ci: "flaky" });
    await advance(sim, 1500);
    const [failed] = await deploymentsOf("staging", failing.sha);
    expect(await statesOf(failed?.id ?? 0)).toEqual(["failure", "in_progress"]);
    const flakyRun = flaky.runIds[0] ?? 0;
    expect((await lead.rest.actions.getWorkflowRun({ ...r, run_id: flakyRun })).data.conclusion).toBe("failure");
    expect((await lead.rest.actions.reRunWorkflow({ ...r, run_id: flakyRun })).status).toBe(201);
    await advance(sim, 1500);
    const rerun = (await lead.rest.actions.getWorkflowRun({ ...r, run_id: flakyRun })).data;
    expect(rerun).toMatchObject({ run_attempt: 2, conclusion: "success" });
    const all = await lead.rest.actions.listJobsForWorkflowRun({ ...r, run_id: flakyRun, filter: "all" });
    expect(all.data.total_count).toBe(2 * (await lead.rest.actions.listJobsForWorkflowRun({ ...r, run_id: flakyRun })).data.total_count);
  });

  it("dispatching the teardown marks the staging deployment inactive and removes the namespace", async () => {
    const s = await simState(sim);
    const staging = s.staging;
    expect(staging?.state).toBe("success");
    await lead.rest.actions.createWorkflowDispatch({
      ...r,
      workflow_id: "staging-teardown.yml",
      ref: "main",
      inputs: { sha: staging?.sha ?? "", namespace: staging?.namespace ?? "", correlation_id: "td-1" },
    });
    await advance(sim, 300);
    expect((await statesOf(staging?.deploymentId ?? 0))[0]).toBe("inactive");
    expect((await simState(sim)).liveNamespaces.map((n) => n.name)).not.toContain(staging?.namespace);
  });

  it("merging the release PR deploys the merge commit to production", async () => {
    const qa = octokitAs(sim, { login: "quinn-qa" });
    const [pr] = (await qa.rest.pulls.list({ ...r, head: `${owner}:testing`, base: "main" })).data;
    const merged = await qa.rest.pulls.merge({ ...r, pull_number: pr?.number ?? 0, sha: pr?.head.sha, merge_method: "merge" });
    const runs = await lead.rest.actions.listWorkflowRuns({ ...r, workflow_id: "deploy-production.yml", event: "push", per_page: 1 });
    expect(runs.data.workflow_runs[0]).toMatchObject({ head_sha: merged.data.sha, actor: { login: "quinn-qa" } });
    expect(runs.data.workflow_runs[0]?.display_title).toBe(`Deploy ${merged.data.sha} (release) [push]`);
    await advance(sim, 900);
    const [d] = await deploymentsOf("production", merged.data.sha);
    expect(d?.payload).toMatchObject({ reason: "release", accepted_sha: pr?.head.sha });
    expect(await statesOf(d?.id ?? 0)).toEqual(["success", "in_progress"]);
    const commit = await lead.rest.repos.getCommit({ ...r, ref: "main" });
    expect(commit.data.parents.map((p) => p.sha)).toEqual([pr?.base.sha, pr?.head.sha]);
  });

  it("a rollback dispatch with a prior SHA deploys that SHA's digests", async () => {
    const s = await simState(sim);
    const target = s.seeded.rollbackTargetSha;
    const earlier = (await deploymentsOf("production", target)).at(-1);
    const res = await lead.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
      ...r,
      workflow_id: "deploy-production.yml",
      ref: "main",
      inputs: { sha: target, reason: "rollback", correlation_id: "rb-42" },
      return_run_details: true,
    });
    const runId = (res.data as unknown as { workflow_run_id: number }).workflow_run_id;
    const run = (await lead.rest.actions.getWorkflowRun({ ...r, run_id: runId })).data;
    expect(run.display_title).toBe(`Deploy ${target} (rollback) [rb-42]`);
    expect(run.head_sha).toBe(s.branches.main);
    await advance(sim, 900);
    const [d] = await deploymentsOf("production", target);
    expect(d?.payload).toMatchObject({ reason: "rollback", correlation_id: "rb-42" });
    expect((d?.payload as { images: unknown }).images).toEqual((earlier?.payload as { images: unknown }).images);
    expect((await simState(sim)).production?.sha).toBe(target);
  });

  it("a failed production deploy redeploys the previous SHA", async () => {
    const before = (await simState(sim)).production?.sha;
    await control(sim, "POST", "/_sim/push", { branch: "testing", deploy: "failure", message: "Speed up order totals" });
    await advance(sim, 1200);
    const qa = octokitAs(sim, { login: "quinn-qa" });
    const [pr] = (await qa.rest.pulls.list({ ...r, head: `${owner}:testing` })).data;
    const merged = await qa.rest.pulls.merge({ ...r, pull_number: pr?.number ?? 0, sha: pr?.head.sha });
    await advance(sim, 1200);
    const [redeploy, failed] = await deploymentsOf("production");
    expect(failed?.sha).toBe(merged.data.sha);
    expect((await statesOf(failed?.id ?? 0))[0]).toBe("failure");
    expect(redeploy).toMatchObject({ sha: before, payload: { reason: "auto-rollback" } });
    expect((await statesOf(redeploy?.id ?? 0))[0]).toBe("success");
  });

  it("merge guards: a moved head is 409, a conflicting PR is 405", async () => {
    await control(sim, "POST", "/_sim/push", { branch: "testing", message: "One" });
    const qa = octokitAs(sim, { login: "quinn-qa" });
    const [pr] = (await qa.rest.pulls.list({ ...r, head: `${owner}:testing` })).data;
    const accepted = pr?.head.sha;
    await control(sim, "POST", "/_sim/push", { branch: "testing", message: "Two" });
    const n = pr?.number ?? 0;
    expect(await statusOf(qa.rest.pulls.merge({ ...r, pull_number: n, sha: accepted }))).toBe(409);
    expect((await qa.rest.pulls.get({ ...r, pull_number: n })).data.mergeable).toBeNull();
    await control(sim, "POST", "/_sim/push", { branch: "testing", message: "Three", conflict: true });
    await qa.rest.pulls.get({ ...r, pull_number: n });
    expect((await qa.rest.pulls.get({ ...r, pull_number: n })).data).toMatchObject({ mergeable: false, mergeable_state: "dirty" });
    const head = (await qa.rest.pulls.get({ ...r, pull_number: n })).data.head.sha;
    expect(await statusOf(qa.rest.pulls.merge({ ...r, pull_number: n, sha: head }))).toBe(405);
    await control(sim, "POST", "/_sim/push", { branch: "testing", message: "Resolve", conflict: false });
  });

  it("readers and outsiders are refused, and nothing changes", async () => {
    const vic = octokitAs(sim, { login: "vic-viewer" });
    const before = (await simState(sim)).counts;
    const dispatch = vic.rest.actions.createWorkflowDispatch({
      ...r,
      workflow_id: "deploy-production.yml",
      ref: "main",
      inputs: { sha: "main", reason: "rollback", correlation_id: "x" },
    });
    expect(await statusOf(dispatch)).toBe(403);
    const [pr] = (await vic.rest.pulls.list(r)).data;
    expect(await statusOf(vic.rest.pulls.merge({ ...r, pull_number: pr?.number ?? 0 }))).toBe(403);
    expect(await statusOf(vic.rest.repos.createDeployment({ ...r, ref: "main" }))).toBe(403);
    expect((await simState(sim)).counts).toEqual(before);
    expect((await vic.rest.repos.get(r)).data.permissions).toMatchObject({ pull: true, push: false });
    const olly = octokitAs(sim, { login: "olly-outsider" });
    expect(await statusOf(olly.rest.actions.listWorkflowRunsForRepo(r))).toBe(404);
    const calls = await control<{ calls: { login: string; status: number; method: string }[] }>(sim, "GET", "/_sim/calls");
    expect(calls.calls.filter((c) => c.login === "vic-viewer" && c.method !== "GET").map((c) => c.status)).toEqual([403, 403, 403]);
  });

  it("dispatch validates ref and inputs like GitHub", async () => {
    const base = { ...r, workflow_id: "deploy-production.yml", ref: "main" };
    const inputs = { sha: "main", reason: "rollback", correlation_id: "c" };
    const s = await simState(sim);
    expect(await statusOf(lead.rest.actions.createWorkflowDispatch({ ...base, ref: s.branches.main ?? "", inputs }))).toBe(422);
    expect(await statusOf(lead.rest.actions.createWorkflowDispatch({ ...base, ref: "nope", inputs }))).toBe(422);
    expect(await statusOf(lead.rest.actions.createWorkflowDispatch({ ...base, inputs: { ...inputs, extra: "1" } }))).toBe(422);
    expect(await statusOf(lead.rest.actions.createWorkflowDispatch({ ...base, inputs: { reason: "release", correlation_id: "c" } }))).toBe(422);
    expect(await statusOf(lead.rest.actions.createWorkflowDispatch({ ...base, inputs: { ...inputs, reason: "yolo" } }))).toBe(422);
    expect(await statusOf(lead.rest.actions.createWorkflowDispatch({ ...base, workflow_id: "ci-staging.yml" }))).toBe(422);
  });

  it("lists runs with filters and paginates with Link headers on its own base URL", async () => {
    const page2 = await lead.rest.actions.listWorkflowRunsForRepo({ ...r, per_page: 10, page: 2 });
    const link = String(page2.headers.link);
    for (const rel of ["next", "last", "first", "prev"]) expect(link).toContain(`rel="${rel}"`);
    expect(link).toContain(`<${sim.apiUrl}/repos/acme/shop/actions/runs?per_page=10&page=3>; rel="next"`);
    const all = await lead.paginate(lead.rest.actions.listWorkflowRunsForRepo, { ...r, per_page: 100 });
    expect(all.length).toBe(page2.data.total_count);
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
    const failures = await lead.rest.actions.listWorkflowRunsForRepo({ ...r, status: "failure", per_page: 100 });
    expect(failures.data.workflow_runs.every((x) => x.conclusion === "failure")).toBe(true);
    const since = new Date(TEST_START.getTime() - 3 * 86_400_000).toISOString();
    const recent = await lead.rest.actions.listWorkflowRunsForRepo({ ...r, created: `>=${since}`, per_page: 100 });
    expect(recent.data.total_count).toBeLessThan(page2.data.total_count);
    expect(recent.data.workflow_runs.every((x) => x.created_at >= since.replace(/\.\d+Z$/, "Z"))).toBe(true);
    const day = TEST_START.toISOString().slice(0, 10);
    const range = await lead.rest.actions.listWorkflowRunsForRepo({ ...r, created: `2000-01-01..${day}`, per_page: 1 });
    expect(range.data.total_count).toBeGreaterThan(0);
    const byActor = await lead.rest.actions.listWorkflowRunsForRepo({ ...r, actor: "lee-lead", event: "workflow_dispatch" });
    expect(byActor.data.workflow_runs.every((x) => x.actor?.login === "lee-lead")).toBe(true);
  });
});

describe("HTTP behaviour", () => {
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
      const res = await fetch(`${small.apiUrl}/repos/acme/shop`, { headers: { authorization: "token sim-token-dana-dev" } });
      expect(res.status).toBe(403);
      expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(((await res.json()) as { message: string }).message).toMatch(/rate limit exceeded/);
    } finally {
      await small.close();
    }
  });

  it("injects faults: 5xx once, primary and secondary rate limits, hangs and dropped connections", async () => {
    const url = `${sim.apiUrl}/repos/acme/shop/pulls`;
    const get = (signal?: AbortSignal) => fetch(url, { headers: { authorization: "token sim-token-lee-lead" }, signal });
    await control(sim, "POST", "/_sim/faults", { path: "/api/v3/repos/*/*/pulls", kind: "status", status: 502, count: 1 });
    expect((await get()).status).toBe(502);
    expect((await get()).status).toBe(200);

    await control(sim, "POST", "/_sim/faults", { method: "GET", path: "^/api/v3/repos/acme/shop/pulls$", kind: "rate-limit", seconds: 30 });
    const limited = await get();
    expect(limited.status).toBe(403);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);

    await control(sim, "POST", "/_sim/faults", { path: "/api/v3/**", kind: "rate-limit", status: 429, seconds: 7 });
    const tooMany = await get();
    expect([tooMany.status, tooMany.headers.get("retry-after")]).toEqual([429, "7"]);

    await control(sim, "POST", "/_sim/faults", { path: "/api/v3/**", kind: "secondary-rate-limit", seconds: 45 });
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

    const calls = await control<{ calls: { fault: string | null; status: number }[] }>(sim, "GET", "/_sim/calls");
    const faults = calls.calls.filter((c) => c.fault).map((c) => c.fault);
    expect(faults).toEqual(expect.arrayContaining(["status", "rate-limit", "secondary-rate-limit", "hang", "drop"]));
    expect((await control<unknown[]>(sim, "GET", "/_sim/faults")).length).toBe(0);
  });

  it("the call log records who asked what, with If-None-Match, since a sequence number", async () => {
    const { lastSeq } = await control<{ lastSeq: number }>(sim, "GET", "/_sim/calls");
    await lead.rest.repos.get(r);
    const { calls } = await control<{ calls: Record<string, unknown>[] }>(sim, "GET", `/_sim/calls?since=${lastSeq}`);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: "GET", path: "/api/v3/repos/acme/shop", status: 200, login: "lee-lead", ifNoneMatch: false });
  });
});

describe("determinism and scale", () => {
  it("the same seed gives the same history relative to the clock start; another seed does not", async () => {
    const shifted = new Date(TEST_START.getTime() + 86_400_000);
    const [a, b, c] = await Promise.all([
      startTestSimulator({ seed: 7 }),
      startTestSimulator({ seed: 7, start: shifted }),
      startTestSimulator({ seed: 8 }),
    ]);
    try {
      const summary = async (s: RunningSimulator, start: Date) => {
        const o = octokitAs(s, { login: "ada-admin" });
        const runs = await o.paginate(o.rest.actions.listWorkflowRunsForRepo, { ...r, per_page: 100 });
        const deps = await o.paginate(o.rest.repos.listDeployments, { ...r, per_page: 100 });
        return {
          runs: runs.map((x) => [x.id, x.head_sha, x.conclusion, Date.parse(x.created_at) - start.getTime()]),
          deployments: deps.map((d) => [d.id, d.sha, d.environment, Date.parse(d.created_at) - start.getTime()]),
        };
      };
      const sa = await summary(a, TEST_START);
      expect(await summary(b, shifted)).toEqual(sa);
      expect((await summary(c, TEST_START)).runs).not.toEqual(sa.runs);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it("SIM_SCALE=500 gives ≥10,000 runs and ≥1,000 deployments and stays fast", async () => {
    const big = await startTestSimulator({ scale: 500 });
    try {
      const o = octokitAs(big, { login: "lee-lead" });
      const runs = await o.rest.actions.listWorkflowRunsForRepo({ ...r, per_page: 1 });
      expect(runs.data.total_count).toBeGreaterThanOrEqual(10_000);
      const deps = await o.rest.repos.listDeployments({ ...r, per_page: 100, page: 50 });
      expect(deps.data.length).toBe(100);
      await o.rest.actions.listWorkflowRunsForRepo({ ...r, per_page: 100, page: 90 });
      await o.rest.actions.listWorkflowRunsForRepo({ ...r, status: "failure", branch: "testing", per_page: 100, page: 3 });
      await o.rest.actions.listWorkflowRuns({ ...r, workflow_id: "deploy-production.yml", actor: "lee-lead", per_page: 100 });
      await o.rest.repos.compareCommitsWithBasehead({ ...r, basehead: "main...testing" });
      await o.rest.repos.listDeployments({ ...r, environment: "production", per_page: 100 });
      const { calls } = await control<{ calls: { durationMs: number; path: string }[] }>(big, "GET", "/_sim/calls");
      for (const c of calls) expect(c.durationMs, c.path).toBeLessThan(50);
    } finally {
      await big.close();
    }
  }, 60_000);
});
