import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGitHubClient, type GitHubClient } from "@/lib/github/client";
import { compareCommits } from "@/lib/github/compare-commits";
import { dispatchWorkflow } from "@/lib/github/dispatch-workflow";
import { GitHubTimeoutError } from "@/lib/github/errors";
import { findRunByCorrelationId } from "@/lib/github/find-run-by-correlation-id";
import { getCommit } from "@/lib/github/get-commit";
import { getEnvironment } from "@/lib/github/get-environment";
import { getFileContents } from "@/lib/github/get-file-contents";
import { getPull } from "@/lib/github/get-pull";
import { getWorkflowRun } from "@/lib/github/get-workflow-run";
import { listDeployments } from "@/lib/github/list-deployments";
import { listPulls } from "@/lib/github/list-pulls";
import { listRunJobs } from "@/lib/github/list-run-jobs";
import { listWorkflowRuns } from "@/lib/github/list-workflow-runs";
import { listWorkflows } from "@/lib/github/list-workflows";
import { ReadCache, type ReadCacheOptions } from "@/lib/github/read-cache";
import { startSimulator, type RunningSimulator } from "../../simulator/server";

/** One entry of the simulator's call log (`GET /_sim/calls`). */
interface SimCall {
  method: string;
  path: string;
  status: number;
  ifNoneMatch: boolean;
  fault: string | null;
}

const OWNER = "acme";
const REPO = "shop";
const API = `/api/v3/repos/${OWNER}/${REPO}`;

let sim: RunningSimulator;
const warnings: string[] = [];

beforeAll(async () => {
  // tickMs 0: the world only moves when asked, so a resource stays the same between two reads.
  sim = await startSimulator({ port: 0, tlsPort: null, tickMs: 0 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await control("DELETE", "/_sim/faults");
  await control("DELETE", "/_sim/calls");
  warnings.length = 0;
});

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return response.json();
}

async function calls(path: string, method = "GET"): Promise<SimCall[]> {
  const log = (await control("GET", "/_sim/calls")) as { calls: SimCall[] };
  return log.calls.filter((c) => c.path === path && c.method === method);
}

function client(options: { cache?: ReadCacheOptions; timeoutMs?: number } = {}): GitHubClient {
  return createGitHubClient({
    baseUrl: sim.apiUrl,
    auth: { kind: "token", token: "sim-server-token" },
    timeoutMs: options.timeoutMs ?? 5_000,
    readRetries: 0,
    cache: new ReadCache(options.cache),
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message) => warnings.push(message),
      error: () => undefined,
    },
  });
}

/** A completed run from the seeded history: its representation no longer changes. */
const settledRunId = () => sim.world.facts.rollbackRunId;
const readSettledRun = (gh: GitHubClient) =>
  getWorkflowRun(gh, { owner: OWNER, repo: REPO, run_id: settledRunId() });

describe("GitHub gateway against the simulator", () => {
  it("revalidates with If-None-Match and serves the simulator's 304 from the cache", async () => {
    const gh = client({ cache: { minRevalidateMs: 0 } });

    const first = await readSettledRun(gh);
    const second = await readSettledRun(gh);

    expect(second.data).toEqual(first.data);
    expect(second.stale).toBe(false);
    const log = await calls(`${API}/actions/runs/${settledRunId()}`);
    expect(log.map((c) => [c.ifNoneMatch, c.status])).toEqual([
      [false, 200],
      [true, 304],
    ]);
    expect(gh.cache.stats()).toMatchObject({ networkCalls: 2, revalidations: 1, notModified: 1 });
  });

  it("answers 20 parallel reads of one resource with exactly one GitHub request", async () => {
    const gh = client();

    const reads = await Promise.all(Array.from({ length: 20 }, () => readSettledRun(gh)));

    expect(new Set(reads.map((r) => r.data.id)).size).toBe(1);
    expect(await calls(`${API}/actions/runs/${settledRunId()}`)).toHaveLength(1);
  });

  it("serves the last good data flagged stale, with the notice, while GitHub rate-limits", async () => {
    const gh = client({ cache: { minRevalidateMs: 0 } });
    const path = `${API}/actions/runs/${settledRunId()}`;
    const good = await readSettledRun(gh);
    await control("POST", "/_sim/faults", { path, kind: "rate-limit", count: 1, seconds: 600 });

    const read = await readSettledRun(gh);

    expect(read.stale).toBe(true);
    expect(read.data).toEqual(good.data);
    expect(read.fetchedAt).toEqual(good.fetchedAt);
    expect(read.stale && read.error).toMatch(/^GitHub unavailable: rate limit exceeded until \d{4}-/);
    // A ten-minute reset is not worth a page waiting: one refused request, no retry.
    expect((await calls(path)).map((c) => [c.status, c.fault])).toEqual([
      [200, null],
      [403, "rate-limit"],
    ]);
  });

  it("waits as retry-after says, then retries a read refused by a secondary rate limit", async () => {
    const gh = client();
    const path = `${API}/actions/runs/${settledRunId()}`;
    await control("POST", "/_sim/faults", { path, kind: "secondary-rate-limit", count: 1, seconds: 1 });

    const started = performance.now();
    const read = await readSettledRun(gh);
    const elapsed = performance.now() - started;

    expect(read.stale).toBe(false);
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
    expect(elapsed).toBeLessThan(4_000);
    expect((await calls(path)).map((c) => [c.status, c.fault])).toEqual([
      [403, "secondary-rate-limit"],
      [200, null],
    ]);
    expect(warnings.some((w) => /secondary rate limit .* retrying in 1 s/.test(w))).toBe(true);
  });

  it("dispatches a workflow and gets the created run's id back", async () => {
    const gh = client();
    const facts = sim.world.facts;
    const correlationId = `rd-${randomUUID()}`;

    const result = await dispatchWorkflow(gh, {
      owner: OWNER,
      repo: REPO,
      workflow: "staging-teardown.yml",
      ref: "main",
      inputs: { sha: facts.candidateSha, namespace: facts.candidateNamespace, correlation_id: correlationId },
    });

    expect(result.runId).toEqual(expect.any(Number));
    const run = await getWorkflowRun(gh, { owner: OWNER, repo: REPO, run_id: result.runId ?? 0 });
    expect(run.data.display_title).toContain(correlationId);
    const found = await findRunByCorrelationId(gh, {
      owner: OWNER,
      repo: REPO,
      workflow: "staging-teardown.yml",
      correlationId,
      dispatchedAt: new Date(),
    });
    expect(found.data?.id).toBe(result.runId);
    expect(await calls(`${API}/actions/workflows/staging-teardown.yml/dispatches`, "POST")).toHaveLength(1);
  });

  it("rejects a dispatch that hangs past the timeout and never sends it again", async () => {
    const gh = client({ timeoutMs: 1_000 });
    const path = `${API}/actions/workflows/deploy-production.yml/dispatches`;
    // Two uses: were the dispatch re-sent, the second would consume the second use.
    await control("POST", "/_sim/faults", { method: "POST", path, kind: "hang", count: 2 });

    const started = performance.now();
    const error: unknown = await dispatchWorkflow(gh, {
      owner: OWNER,
      repo: REPO,
      workflow: "deploy-production.yml",
      ref: "main",
      inputs: {
        sha: sim.world.facts.rollbackTargetSha,
        reason: "rollback",
        correlation_id: `rd-${randomUUID()}`,
      },
    }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;

    expect(error).toBeInstanceOf(GitHubTimeoutError);
    expect((error as GitHubTimeoutError).outcomeUnknown).toBe(true);
    expect(elapsed).toBeLessThan(3_000);
    // Give a blind retry (plugin-retry waits 1 s before its first) the time to show itself.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const faults = (await control("GET", "/_sim/faults")) as { path: string; remaining: number }[];
    expect(faults.find((f) => f.path === path)?.remaining).toBe(1);
    // The simulator logs a hung request only if it ever answers it; none may have got through.
    const posts = await calls(path, "POST");
    expect(posts.length).toBeLessThanOrEqual(1);
    expect(posts.filter((c) => c.fault !== "hang")).toHaveLength(0);
  });
});

describe("typed reads against the simulator", () => {
  const gh = () => client();
  const repo = { owner: OWNER, repo: REPO };

  it("lists runs repo-wide and per workflow file, filtered, with paging", async () => {
    const all = await listWorkflowRuns(gh(), { ...repo, per_page: 5 });
    expect(all.data.runs).toHaveLength(5);
    expect(all.data.totalCount).toBeGreaterThan(5);
    expect(all.data.hasNext).toBe(true);

    const production = await listWorkflowRuns(gh(), {
      ...repo,
      workflow: "deploy-production.yml",
      branch: "main",
      per_page: 100,
    });
    expect(production.data.runs.length).toBeGreaterThan(0);
    expect(production.data.runs.every((r) => r.path.endsWith("deploy-production.yml"))).toBe(true);
  });

  it("lists a run's jobs with their steps", async () => {
    const jobs = await listRunJobs(gh(), { ...repo, run_id: sim.world.facts.candidateCiRunId });
    expect(jobs.data.jobs.length).toBeGreaterThan(0);
    expect(jobs.data.jobs[0]?.steps?.length).toBeGreaterThan(0);
  });

  it("lists deployments of an environment with each one's latest status", async () => {
    const page = await listDeployments(gh(), { ...repo, environment: "production", per_page: 10 });
    expect(page.data.deployments.length).toBeGreaterThan(0);
    expect(page.data.deployments.every((d) => d.deployment.environment === "production")).toBe(true);
    expect(page.data.deployments.some((d) => d.latestStatus !== null)).toBe(true);
  });

  it("reads commits, compares branches and finds the release pull request", async () => {
    const facts = sim.world.facts;
    const commit = await getCommit(gh(), { ...repo, ref: facts.candidateSha });
    expect(commit.data.sha).toBe(facts.candidateSha);

    const comparison = await compareCommits(gh(), { ...repo, base: "main", head: "testing" });
    expect(comparison.data.ahead_by).toBeGreaterThan(0);

    const pulls = await listPulls(gh(), { ...repo, head: `${OWNER}:testing`, base: "main", state: "open" });
    expect(pulls.data.pulls.map((p) => p.number)).toContain(facts.candidatePullNumber);
    const pull = await getPull(gh(), { ...repo, pull_number: facts.candidatePullNumber });
    expect(pull.data.head.sha).toBe(facts.candidateSha);
  });

  it("reads the workflows, their YAML from the default branch, and the environments", async () => {
    const workflows = await listWorkflows(gh(), repo);
    expect(workflows.data.workflows.map((w) => w.path)).toContain(".github/workflows/deploy-production.yml");

    const yaml = await getFileContents(gh(), { ...repo, path: ".github/workflows/staging-teardown.yml" });
    expect(yaml.data?.text).toMatch(/workflow_dispatch/);
    expect(await getFileContents(gh(), { ...repo, path: ".github/workflows/missing.yml" })).toMatchObject({
      data: null,
    });

    const production = await getEnvironment(gh(), { ...repo, environment_name: "production" });
    expect(production.data?.name).toBe("production");
    expect((await getEnvironment(gh(), { ...repo, environment_name: "nowhere" })).data).toBeNull();
  });
});
