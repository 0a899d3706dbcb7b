import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import {
  advance,
  control,
  octokitAs,
  simState,
  startTestSimulator,
  statusOf,
  type SeenResponse,
  type SimState,
} from "./simulator-helpers";
import { packageFile, SpecValidator } from "./simulator-spec-validator";

const owner = "acme";
const repo = "shop";

let sim: RunningSimulator;
let hookSink: Server;
let spec: SpecValidator;
let state: SimState;
const seen: SeenResponse[] = [];

beforeAll(async () => {
  spec = new SpecValidator(
    packageFile("@octokit/openapi", "generated/api.github.com.json"),
    "https://sim.test/rest.json",
  );
  // Production deploys wait for a reviewer here, so pending deployments are exercised too.
  sim = await startTestSimulator({ productionApproval: "required" });
  hookSink = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200).end());
  });
  await new Promise<void>((r) => hookSink.listen(0, "127.0.0.1", r));
  const port = (hookSink.address() as AddressInfo).port;
  await control(sim, "POST", "/_sim/webhooks", { url: `http://127.0.0.1:${port}/hook`, secret: "s3cret" });
  state = await simState(sim);
});

afterAll(async () => {
  await sim?.close();
  await new Promise((r) => hookSink?.close(r));
});

const as = (login: string) => octokitAs(sim, { login }, seen);

describe("every endpoint answers as GitHub's OpenAPI description says", () => {
  it("users, OAuth identity and repository", async () => {
    const lead = as("lee-lead");
    expect((await lead.rest.users.getAuthenticated()).data.login).toBe("lee-lead");
    expect(await statusOf(octokitAs(sim, { token: "nope" }, seen).rest.users.getAuthenticated())).toBe(401);
    await lead.rest.users.listEmailsForAuthenticatedUser();
    await lead.rest.orgs.listForAuthenticatedUser();
    const r = await lead.rest.repos.get({ owner, repo });
    expect(r.data.default_branch).toBe("main");
    expect(r.data.permissions).toMatchObject({ maintain: true, admin: false });
    expect(await statusOf(as("olly-outsider").rest.repos.get({ owner, repo }))).toBe(404);
    const file = await lead.rest.repos.getContent({
      owner,
      repo,
      path: ".github/workflows/deploy-production.yml",
    });
    expect(Array.isArray(file.data)).toBe(false);
    await lead.rest.repos.getContent({ owner, repo, path: ".github/workflows", ref: "main" });
    expect(await statusOf(lead.rest.repos.getContent({ owner, repo, path: "nope.txt" }))).toBe(404);
    const hooks = await as("ada-admin").rest.repos.listWebhooks({ owner, repo });
    expect(hooks.data).toHaveLength(1);
    expect(await statusOf(as("vic-viewer").rest.repos.listWebhooks({ owner, repo }))).toBe(404);
  });

  it("workflows, runs, jobs and attempts", async () => {
    const lead = as("lee-lead");
    const wfs = await lead.rest.actions.listRepoWorkflows({ owner, repo });
    expect(wfs.data.total_count).toBe(3);
    await lead.rest.actions.getWorkflow({ owner, repo, workflow_id: "deploy-production.yml" });
    await lead.rest.actions.getWorkflow({ owner, repo, workflow_id: wfs.data.workflows[0]?.id ?? 0 });
    expect(await statusOf(lead.rest.actions.getWorkflow({ owner, repo, workflow_id: "nope.yml" }))).toBe(404);
    await lead.rest.actions.listWorkflowRunsForRepo({ owner, repo, per_page: 5 });
    await lead.rest.actions.listWorkflowRunsForRepo({ owner, repo, status: "failure", branch: "testing" });
    await lead.rest.actions.listWorkflowRuns({
      owner,
      repo,
      workflow_id: "ci-staging.yml",
      per_page: 3,
      page: 2,
    });
    const runId = state.seeded.candidateCiRunId;
    await lead.rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
    expect(await statusOf(lead.rest.actions.getWorkflowRun({ owner, repo, run_id: 1 }))).toBe(404);
    const jobs = await lead.rest.actions.listJobsForWorkflowRun({
      owner,
      repo,
      run_id: runId,
      filter: "all",
    });
    expect(jobs.data.jobs.length).toBeGreaterThan(5);
    await lead.rest.actions.getJobForWorkflowRun({ owner, repo, job_id: jobs.data.jobs[0]?.id ?? 0 });
    await lead.rest.actions.getWorkflowRunAttempt({ owner, repo, run_id: runId, attempt_number: 1 });
    await lead.rest.actions.listJobsForWorkflowRunAttempt({ owner, repo, run_id: runId, attempt_number: 1 });
  });

  it("dispatch, cancel, re-run and environment reviews", async () => {
    const lead = as("lee-lead");
    const sha = state.seeded.candidateSha;
    const teardown = {
      owner,
      repo,
      workflow_id: "staging-teardown.yml",
      ref: "main",
      inputs: { sha, namespace: state.seeded.candidateNamespace, correlation_id: "op-1" },
    };
    expect((await lead.rest.actions.createWorkflowDispatch(teardown)).status).toBe(204);
    expect(await statusOf(lead.rest.actions.createWorkflowDispatch({ ...teardown, ref: sha }))).toBe(422);
    expect(
      await statusOf(
        lead.rest.actions.createWorkflowDispatch({ ...teardown, workflow_id: "ci-staging.yml" }),
      ),
    ).toBe(422);
    expect(await statusOf(as("vic-viewer").rest.actions.createWorkflowDispatch(teardown))).toBe(403);

    const runs = await lead.rest.actions.listWorkflowRuns({
      owner,
      repo,
      workflow_id: "staging-teardown.yml",
      per_page: 1,
    });
    const queued = runs.data.workflow_runs[0];
    expect(queued?.display_title).toBe(`Teardown ${sha} [op-1]`);
    expect((await lead.rest.actions.cancelWorkflowRun({ owner, repo, run_id: queued?.id ?? 0 })).status).toBe(
      202,
    );
    expect(
      await statusOf(
        lead.rest.actions.cancelWorkflowRun({ owner, repo, run_id: state.seeded.candidateCiRunId }),
      ),
    ).toBe(409);
    expect(
      (await lead.rest.actions.reRunWorkflow({ owner, repo, run_id: state.seeded.candidateCiRunId })).status,
    ).toBe(201);

    const deploy = await lead.request(
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
      {
        owner,
        repo,
        workflow_id: "deploy-production.yml",
        ref: "main",
        inputs: { sha: state.seeded.rollbackTargetSha, reason: "rollback", correlation_id: "op-2" },
        return_run_details: true,
      },
    );
    expect(deploy.status).toBe(200);
    const runId = (deploy.data as unknown as { workflow_run_id: number }).workflow_run_id;
    await advance(sim, 120);
    const pending = await lead.rest.actions.getPendingDeploymentsForRun({ owner, repo, run_id: runId });
    expect(pending.data[0]?.environment.name).toBe("production");
    const review = {
      owner,
      repo,
      run_id: runId,
      environment_ids: [pending.data[0]?.environment.id ?? 0],
      state: "approved" as const,
      comment: "ok",
    };
    expect(await statusOf(as("quinn-qa").rest.actions.reviewPendingDeploymentsForRun(review))).toBe(422);
    await lead.rest.actions.reviewPendingDeploymentsForRun(review);
    await advance(sim, 600);
    expect((await lead.rest.actions.getWorkflowRun({ owner, repo, run_id: runId })).data.conclusion).toBe(
      "success",
    );
  });

  it("pull requests, merge guards, compare, commits and check runs", async () => {
    const qa = as("quinn-qa");
    const open = await qa.rest.pulls.list({
      owner,
      repo,
      head: `${owner}:testing`,
      base: "main",
      state: "open",
    });
    const pr = open.data[0];
    expect(pr?.number).toBe(state.seeded.candidatePullNumber);
    const number = pr?.number ?? 0;
    const first = await qa.rest.pulls.get({ owner, repo, pull_number: number });
    const second = await qa.rest.pulls.get({ owner, repo, pull_number: number });
    expect([first.data.mergeable, second.data.mergeable]).toEqual([null, true]);
    expect(await statusOf(qa.rest.pulls.checkIfMerged({ owner, repo, pull_number: number }))).toBe(404);
    const merge = { owner, repo, pull_number: number, merge_method: "merge" as const };
    expect(await statusOf(qa.rest.pulls.merge({ ...merge, sha: "0".repeat(40) }))).toBe(409);
    expect(await statusOf(qa.rest.pulls.merge({ ...merge, merge_method: "squash", sha: pr?.head.sha }))).toBe(
      405,
    );
    expect(await statusOf(as("vic-viewer").rest.pulls.merge({ ...merge, sha: pr?.head.sha }))).toBe(403);

    const cmp = await qa.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: "main...testing" });
    expect(cmp.data.commits.at(-1)?.sha).toBe(pr?.head.sha);
    await qa.rest.repos.getCommit({ owner, repo, ref: pr?.head.sha ?? "" });
    expect(await statusOf(qa.rest.repos.getCommit({ owner, repo, ref: "f".repeat(40) }))).toBe(422);
    const checks = await qa.rest.checks.listForRef({ owner, repo, ref: pr?.head.sha ?? "" });
    expect(checks.data.total_count).toBeGreaterThan(0);

    const merged = await qa.rest.pulls.merge({ ...merge, sha: pr?.head.sha });
    expect(merged.data.merged).toBe(true);
    expect((await qa.rest.pulls.checkIfMerged({ owner, repo, pull_number: number })).status).toBe(204);
    expect(await statusOf(qa.rest.pulls.merge({ ...merge, sha: pr?.head.sha }))).toBe(405);
    await qa.rest.pulls.get({ owner, repo, pull_number: number });

    await control(sim, "POST", "/_sim/push", {
      branch: "testing",
      message: "Fix order totals",
      openPull: false,
    });
    const created = await as("dana-dev").rest.pulls.create({
      owner,
      repo,
      head: "testing",
      base: "main",
      title: "Release",
    });
    expect(created.status).toBe(201);
    expect(
      await statusOf(
        as("dana-dev").rest.pulls.create({ owner, repo, head: "testing", base: "main", title: "x" }),
      ),
    ).toBe(422);
  });

  it("deployments, statuses and environments", async () => {
    const lead = as("lee-lead");
    const list = await lead.rest.repos.listDeployments({ owner, repo, environment: "staging", per_page: 5 });
    expect(list.data.length).toBe(5);
    await lead.rest.repos.listDeployments({ owner, repo, sha: state.seeded.candidateSha });
    const id = list.data[0]?.id ?? 0;
    await lead.rest.repos.getDeployment({ owner, repo, deployment_id: id });
    expect(await statusOf(lead.rest.repos.getDeployment({ owner, repo, deployment_id: 1 }))).toBe(404);
    const statuses = await lead.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: id });
    await lead.rest.repos.getDeploymentStatus({
      owner,
      repo,
      deployment_id: id,
      status_id: statuses.data[0]?.id ?? 0,
    });
    const created = await lead.rest.repos.createDeployment({
      owner,
      repo,
      ref: "testing",
      environment: "qa-sandbox",
      auto_merge: false,
      required_contexts: [],
      payload: { namespace: "qa-1" },
    });
    expect(created.status).toBe(201);
    const deploymentId = (created.data as { id: number }).id;
    const status = await lead.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: deploymentId,
      state: "success",
    });
    expect(status.status).toBe(201);
    const bad = lead.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: deploymentId,
      state: "sideways" as "success",
    });
    expect(await statusOf(bad)).toBe(422);
    expect(await statusOf(as("vic-viewer").rest.repos.createDeployment({ owner, repo, ref: "main" }))).toBe(
      403,
    );
    await lead.rest.repos.getAllEnvironments({ owner, repo });
    const prod = await lead.rest.repos.getEnvironment({ owner, repo, environment_name: "production" });
    expect(prod.data.protection_rules?.map((r) => r.type)).toEqual([
      "wait_timer",
      "required_reviewers",
      "branch_policy",
    ]);
    expect(await statusOf(lead.rest.repos.getEnvironment({ owner, repo, environment_name: "nope" }))).toBe(
      404,
    );
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const lead = as("lee-lead");
    const first = await lead.rest.repos.get({ owner, repo });
    const etag = String(first.headers.etag);
    expect(await statusOf(lead.rest.repos.get({ owner, repo, headers: { "if-none-match": etag } }))).toBe(
      304,
    );
  });

  it("the strict check itself rejects undeclared fields and wrong types", () => {
    const repoSchema = spec.responseSchema("/repos/{owner}/{repo}", "GET", 200);
    const recorded = seen.find((s) => s.template === "/repos/{owner}/{repo}" && s.status === 200)
      ?.data as object;
    expect(repoSchema && spec.validate(repoSchema, recorded)).toEqual([]);
    const extra = { ...recorded, owner: { ...(recorded as { owner: object }).owner, invented: 1 } };
    expect(repoSchema && spec.validate(repoSchema, extra).map((p) => p.path)).toEqual(["/owner/invented"]);
    expect(repoSchema && spec.validate(repoSchema, { ...recorded, id: "1" }).length).toBeGreaterThan(0);
  });

  it("every recorded answer validates against its schema, strictly", () => {
    const problems: string[] = [];
    for (const s of seen) {
      const where = `${s.method} ${s.template} → ${s.status}`;
      // Any conditional GET may answer 304 (no body), documented or not.
      if (s.status === 304) {
        if (s.data !== undefined && s.data !== "") problems.push(`${where}: 304 with a body`);
        continue;
      }
      let schema = spec.responseSchema(s.template, s.method, s.status);
      if (schema === undefined) {
        if (s.status < 400) {
          problems.push(`${where}: status not documented`);
          continue;
        }
        schema = spec.component(s.status === 422 ? "validation-error" : "basic-error");
      }
      if (schema === null) {
        if (s.data !== undefined && s.data !== "") problems.push(`${where}: body where the spec has none`);
        continue;
      }
      for (const p of spec.validate(schema, s.data)) problems.push(`${where}: ${p.path} ${p.message}`);
    }
    expect(problems).toEqual([]);
    const statuses = new Set(seen.map((s) => s.status));
    for (const code of [200, 201, 202, 204, 304, 401, 403, 404, 405, 409, 422])
      expect(statuses).toContain(code);
  });
});
