import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verify } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { advance, control, octokitAs, simState, startTestSimulator } from "./simulator-helpers";
import { packageFile, SpecValidator } from "./simulator-spec-validator";

/**
 * Fields GitHub sends that the published webhook schemas leave out. `display_title` is in every real
 * `workflow_run` event (the app correlates dispatches with it); only the in_progress schema lacks it,
 * along with `user_view_type` on its users.
 */
const KNOWN_SPEC_GAPS: Array<{ key: string; path: RegExp }> = [
  { key: "workflow-run-in-progress", path: /^\/workflow_run\/display_title$/ },
  { key: "workflow-run-in-progress", path: /\/user_view_type$/ },
];

// GitHub's documented test vector secret, so a mismatch in signing would be obvious.
const SECRET = "It's a Secret to Everybody";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let sim: RunningSimulator;
let receiver: Server;
let spec: SpecValidator;
const received: Received[] = [];

beforeAll(async () => {
  spec = new SpecValidator(
    packageFile("@octokit/openapi-webhooks", "generated/api.github.com.json"),
    "https://sim.test/webhooks.json",
  );
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/github`;
  // Required reviewers on production make the deploy job wait, which produces `workflow_job.waiting`.
  sim = await startTestSimulator({ webhookUrl: url, webhookSecret: SECRET, productionApproval: "required" });
});

afterAll(async () => {
  await sim?.close();
  await new Promise((r) => receiver?.close(r));
});

async function pipelineRound(): Promise<void> {
  const state = await simState(sim);
  // A push to testing: push, pull_request.synchronize, CI runs, jobs, staging deployment and statuses.
  await control(sim, "POST", "/_sim/push", {
    branch: "testing",
    message: "Validate customer emails (customer_service)",
  });
  await advance(sim, 1200);
  // QA accepts: merge (pull_request.closed, push to main) starts the gated production deploy.
  const qa = octokitAs(sim, { login: "quinn-qa" });
  const pull = await qa.rest.pulls.get({
    owner: "acme",
    repo: "shop",
    pull_number: state.openPull?.number ?? 0,
  });
  await qa.rest.pulls.merge({
    owner: "acme",
    repo: "shop",
    pull_number: pull.data.number,
    sha: pull.data.head.sha,
  });
  await advance(sim, 120);
  const lead = octokitAs(sim, { login: "lee-lead" });
  const runs = await lead.rest.actions.listWorkflowRuns({
    owner: "acme",
    repo: "shop",
    workflow_id: "deploy-production.yml",
    per_page: 1,
  });
  const runId = runs.data.workflow_runs[0]?.id ?? 0;
  const pending = await lead.rest.actions.getPendingDeploymentsForRun({
    owner: "acme",
    repo: "shop",
    run_id: runId,
  });
  await lead.rest.actions.reviewPendingDeploymentsForRun({
    owner: "acme",
    repo: "shop",
    run_id: runId,
    environment_ids: pending.data.map((p) => p.environment.id ?? 0),
    state: "approved",
    comment: "Ship it",
  });
  await advance(sim, 900);
  // The next push opens a new release PR: pull_request.opened.
  await control(sim, "POST", "/_sim/push", {
    branch: "testing",
    message: "Tidy checkout page layout (frontend)",
  });
  await sim.webhooks.idle();
}

describe("webhook deliveries", () => {
  it("are signed over the raw body and carry GitHub's headers", async () => {
    await pipelineRound();
    expect(received.length).toBeGreaterThan(20);
    const ids = new Set<string>();
    for (const r of received) {
      expect(await verify(SECRET, r.body, String(r.headers["x-hub-signature-256"]))).toBe(true);
      expect(r.headers["content-type"]).toBe("application/json");
      expect(String(r.headers["user-agent"])).toMatch(/^GitHub-Hookshot\//);
      expect(String(r.headers["x-github-delivery"])).toMatch(/^[0-9a-f-]{36}$/);
      ids.add(String(r.headers["x-github-delivery"]));
    }
    expect(ids.size).toBe(received.length);
  });

  it("cover every event type the app subscribes to", () => {
    const kinds = new Set(
      received.map((r) => {
        const action = (JSON.parse(r.body) as { action?: string }).action;
        return `${String(r.headers["x-github-event"])}${action ? `.${action}` : ""}`;
      }),
    );
    for (const k of [
      "push",
      "pull_request.opened",
      "pull_request.synchronize",
      "pull_request.closed",
      "workflow_run.requested",
      "workflow_run.in_progress",
      "workflow_run.completed",
      "workflow_job.queued",
      "workflow_job.waiting",
      "workflow_job.in_progress",
      "workflow_job.completed",
      "deployment.created",
      "deployment_status.created",
      "deployment_review.requested",
      "deployment_review.approved",
    ]) {
      expect(kinds).toContain(k);
    }
  });

  it("validate strictly against @octokit/openapi-webhooks", () => {
    const problems: string[] = [];
    for (const r of received) {
      const event = String(r.headers["x-github-event"]);
      const payload = JSON.parse(r.body) as { action?: string };
      const key = `${event.replace(/_/g, "-")}${payload.action ? `-${payload.action.replace(/_/g, "-")}` : ""}`;
      const hook = (
        spec.doc.webhooks as Record<
          string,
          { post: { requestBody: { content: Record<string, { schema: object }> } } }
        >
      )[key];
      if (!hook) {
        problems.push(`${key}: no schema`);
        continue;
      }
      const schema = hook.post.requestBody.content["application/json"]?.schema as Record<string, unknown>;

      for (const p of spec.validate(schema, payload)) {
        if (KNOWN_SPEC_GAPS.some((g) => g.key === key && g.path.test(p.path))) continue;
        problems.push(`${key}: ${p.path} ${p.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("workflow_run events carry the run's state as of the event", () => {
    type RunEvent = { action: string; workflow_run: { status: string; conclusion: string | null } };
    const events = received
      .filter((r) => r.headers["x-github-event"] === "workflow_run")
      .map((r) => JSON.parse(r.body) as RunEvent);
    const of = (action: string) => events.filter((e) => e.action === action).map((e) => e.workflow_run);
    expect(of("completed").length).toBeGreaterThan(0);
    for (const run of of("completed")) expect(run.conclusion).not.toBeNull();
    for (const run of of("requested")) expect(run).toMatchObject({ status: "queued", conclusion: null });
    for (const run of of("in_progress")) expect(run.conclusion).toBeNull();
  });
});
