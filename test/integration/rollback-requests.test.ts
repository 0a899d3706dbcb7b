import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/database";
import type { getRollbackPlan as GetRollbackPlan } from "@/lib/releases/get-rollback-plan";
import type { requestRollback as RequestRollback } from "@/lib/releases/request-rollback";
import { advance, control, octokitAs, simState, type SimState } from "./simulator-helpers";
import {
  API,
  drain,
  simCalls,
  resetAcceptanceWorld,
  startAcceptanceWorld,
  viewer,
  type AcceptanceWorld,
  type Call,
} from "./acceptance-support";

const DEPLOY_DISPATCH = `${API}/actions/workflows/deploy-production.yml/dispatches`;

let world: AcceptanceWorld;
let db: Database;
let lib: AcceptanceWorld["lib"];
let requestRollback: typeof RequestRollback;
let getRollbackPlan: typeof GetRollbackPlan;
let seeded: SimState["seeded"];
let currentSha: string;

const lee = viewer("lee-lead", ["viewer", "lead"]);

beforeAll(async () => {
  world = await startAcceptanceWorld();
  ({ db, lib } = world);
  ({ requestRollback } = await import("@/lib/releases/request-rollback"));
  ({ getRollbackPlan } = await import("@/lib/releases/get-rollback-plan"));
});

afterAll(async () => {
  await world?.close();
});

beforeEach(async () => {
  const state = await resetAcceptanceWorld(world);
  seeded = state.seeded;
  currentSha = state.production?.sha ?? "";
});

const counts = async () => ({
  operations: await db.prisma.operation.count(),
  audit: await db.prisma.auditEvent.count(),
});
const unfinished = () => db.prisma.operation.count({ where: { state: { in: ["pending", "running"] } } });
const finish = () => drain(world.sim, lib.runDueOperations, unfinished);
const rollback = (sha: string, overrides: Record<string, string> = {}) =>
  requestRollback(lee, { sha, reason: "checkout errors after deploy", ...overrides }, { kick: false });
const dispatchesOf = (calls: Call[]) =>
  calls.filter((c) => c.method === "POST" && c.path === DEPLOY_DISPATCH);
const refusalOf = async (p: Promise<{ ok: boolean; refusal?: string }>) => (await p).refusal;
const theRollback = () => db.prisma.operation.findFirstOrThrow({ where: { kind: "rollback" } });

describe("who may roll production back", () => {
  it("refuses a viewer and a qa-only user with 403, zero GitHub calls and zero writes", async () => {
    const before = await counts();
    for (const who of [viewer("vic-viewer", ["viewer"]), viewer("quinn-qa", ["viewer", "qa"])]) {
      await expect(
        requestRollback(who, { sha: seeded.rollbackTargetSha, reason: "x" }, { kick: false }),
      ).rejects.toMatchObject({ name: "AuthError", status: 403 });
    }
    await expect(
      requestRollback(null, { sha: seeded.rollbackTargetSha, reason: "x" }, { kick: false }),
    ).rejects.toMatchObject({ status: 401 });
    expect(await simCalls(world.sim)).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});

describe("refusals", () => {
  it("refuses a malformed SHA, a missing reason, a bad incident link, a SHA never in production and the live SHA, without side effects", async () => {
    const before = await counts();
    expect(await refusalOf(rollback("abc1234"))).toBe(
      "The rollback target must be a full 40-character commit SHA (0-9, a-f).",
    );
    expect(await refusalOf(rollback(seeded.rollbackTargetSha, { reason: "   " }))).toBe(
      "A reason is required to roll production back.",
    );
    expect(await refusalOf(rollback(seeded.rollbackTargetSha, { incidentUrl: "javascript:alert(1)" }))).toBe(
      "The incident link must be an http(s) URL.",
    );
    expect(await refusalOf(rollback(seeded.candidateSha))).toBe(
      `${seeded.candidateSha.slice(0, 7)} was never deployed to production successfully.`,
    );
    expect(await refusalOf(rollback(currentSha))).toBe(`Production already runs ${currentSha.slice(0, 7)}.`);

    const after = await counts();
    expect(after.operations).toBe(before.operations);
    // The malformed SHA names nothing; the other four refusals are audited.
    const refused = await db.prisma.auditEvent.findMany({
      where: { action: "production.rollback" },
      orderBy: { id: "asc" },
    });
    expect(refused.map((e) => [e.outcome, e.actor, e.actorRoles])).toEqual(
      Array.from({ length: 4 }, () => ["refused", "lee-lead", ["viewer", "lead"]]),
    );
    expect(after.audit - before.audit).toBe(4);
    expect(dispatchesOf(await simCalls(world.sim))).toEqual([]);
  });

  it("refuses while a production deploy is rolling out, and while another rollback is unfinished", async () => {
    // Someone deploys from GitHub's own UI: Release Desk did not start it, but must not race it.
    await octokitAs(world.sim, { login: "ada-admin" }).request(
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
      {
        owner: "acme",
        repo: "shop",
        workflow_id: "deploy-production.yml",
        ref: "main",
        inputs: { sha: seeded.badMergeSha, reason: "release", correlation_id: "from-github-ui" },
      },
    );
    // Queued, before the run has created its deployment: the run itself already blocks a rollback.
    expect(await refusalOf(rollback(seeded.rollbackTargetSha))).toMatch(
      /^Production deploy run \d+ is (queued|in progress); wait for it to finish\.$/,
    );
    const gh = octokitAs(world.sim, { token: "sim-server-token" });
    const newestProductionState = async () => {
      const [newest] = (
        await gh.rest.repos.listDeployments({
          owner: "acme",
          repo: "shop",
          environment: "production",
          per_page: 1,
        })
      ).data;
      if (!newest) return null;
      const statuses = await gh.rest.repos.listDeploymentStatuses({
        owner: "acme",
        repo: "shop",
        deployment_id: newest.id,
        per_page: 1,
      });
      return statuses.data[0]?.state ?? null;
    };
    for (let i = 0; i < 40 && (await newestProductionState()) !== "in_progress"; i++)
      await advance(world.sim, 15);
    expect(await newestProductionState()).toBe("in_progress");
    expect(await refusalOf(rollback(seeded.rollbackTargetSha))).toMatch(
      /^A production deployment of [0-9a-f]{7} \(deployment \d+\) is rolling out; wait for it to finish\.$/,
    );
    await advance(world.sim, 3600);
    await control(world.sim, "DELETE", "/_sim/calls");

    expect((await rollback(seeded.rollbackTargetSha)).ok).toBe(true);
    expect(await refusalOf(rollback(seeded.badMergeSha))).toBe(
      `Rollback to ${seeded.rollbackTargetSha.slice(0, 7)} started by lee-lead is running.`,
    );
    expect(await db.prisma.operation.count()).toBe(1);
    expect(dispatchesOf(await simCalls(world.sim))).toEqual([]);
  });
});

describe("the confirmation", () => {
  it("shows current vs target, the commits undone (including the bad release) and the digest per service", async () => {
    const plan = await getRollbackPlan(seeded.rollbackTargetSha);
    expect(plan).toMatchObject({
      targetSha: seeded.rollbackTargetSha,
      currentSha,
      blockers: [],
      restored: null,
    });
    expect(plan.targetDeployedAtIso).toMatch(/^\d{4}-/);
    const undone = plan.undone?.commits.map((c) => c.sha) ?? [];
    expect(undone).toContain(seeded.badSha);
    expect(undone).toContain(currentSha);
    expect(undone).not.toContain(seeded.rollbackTargetSha);
    expect(plan.images.map((i) => i.service)).toEqual([
      "customer_service",
      "frontend",
      "order_service",
      "product_service",
    ]);
    for (const image of plan.images) {
      expect(image.now).toMatch(/^sha256:/);
      expect(image.after).toMatch(/^sha256:/);
      expect(image.changes).toBe(image.now !== image.after);
    }
    expect(plan.images.some((i) => i.changes)).toBe(true);

    expect((await rollback(seeded.rollbackTargetSha)).ok).toBe(true);
    expect((await getRollbackPlan(seeded.badMergeSha)).blockers).toEqual([
      `Rollback to ${seeded.rollbackTargetSha.slice(0, 7)} started by lee-lead is running.`,
    ]);
    expect((await getRollbackPlan(currentSha)).blockers).toContain(
      `Production already runs ${currentSha.slice(0, 7)}.`,
    );
  });
});

describe("rolling back", () => {
  it("50 concurrent requests make one operation, one dispatch as the lead, one recorded event; production runs the target again", async () => {
    const target = seeded.rollbackTargetSha;
    const lastEventId = (await db.prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const results = await Promise.all(Array.from({ length: 50 }, () => rollback(target)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const lost of results.filter((r) => !r.ok)) {
      expect(lost).toEqual({
        ok: false,
        refusal: `Rollback to ${target.slice(0, 7)} started by lee-lead is running.`,
      });
    }
    expect(await db.prisma.operation.count()).toBe(1);

    // Two workers at once, as two app processes would run them.
    await Promise.all([finish(), finish()]);

    const op = await theRollback();
    expect(op).toMatchObject({
      kind: "rollback",
      state: "succeeded",
      actor: "lee-lead",
      productionLock: null,
    });
    expect(op.input).toEqual({
      fromSha: currentSha,
      reason: "checkout errors after deploy",
      incidentUrl: null,
    });
    const sent = dispatchesOf(await simCalls(world.sim));
    expect(sent.map((c) => [c.status, c.login])).toEqual([[200, "lee-lead"]]);
    const state = await simState(world.sim);
    expect(state.production).toMatchObject({ sha: target, reason: "rollback", state: "success" });

    const audit = await db.prisma.auditEvent.findMany({
      where: { id: { gt: lastEventId } },
      orderBy: { id: "asc" },
    });
    const requests = audit.filter((e) => e.action === "production.rollback");
    expect(requests.map((e) => e.outcome).sort()).toEqual(["recorded", ...Array<string>(49).fill("refused")]);
    const recorded = requests.find((e) => e.outcome === "recorded");
    expect(recorded).toMatchObject({ actor: "lee-lead", actorRoles: ["viewer", "lead"], sha: target });
    const steps = audit.filter((e) => e.action === "operation.rollback");
    expect(steps[0]?.outcome).toBe("started");
    expect(steps.filter((e) => e.outcome === "succeeded")).toHaveLength(1);
    expect(steps.at(-1)?.reason).toMatch(
      new RegExp(
        `^production runs ${target.slice(0, 7)} again: deployment \\d+ of run ${op.githubRunId} succeeded`,
      ),
    );

    // Finished: production is free again.
    expect((await rollback(seeded.badMergeSha)).ok).toBe(true);
  });

  it("a dispatch answered 502 is looked up, not re-sent; after the grace period it needs attention with the message; Retry dispatches once more", async () => {
    await control(world.sim, "POST", "/_sim/faults", {
      method: "POST",
      path: DEPLOY_DISPATCH,
      kind: "status",
      status: 502,
      count: 1,
    });
    expect((await rollback(seeded.rollbackTargetSha)).ok).toBe(true);
    await lib.runDueOperations();
    let op = await theRollback();
    expect(op).toMatchObject({ state: "running", githubRunId: null });
    expect(op.lastError).toMatch(/^Bad Gateway/);
    // Still looking: no run carries the correlation id, and nothing is sent again.
    await db.prisma.operation.update({ where: { id: op.id }, data: { nextAttemptAt: new Date() } });
    await lib.runDueOperations();
    expect(dispatchesOf(await simCalls(world.sim)).map((c) => c.status)).toEqual([502]);

    // The grace period passes without a run.
    await db.prisma.operation.update({
      where: { id: op.id },
      data: { nextAttemptAt: new Date(), dispatchedAt: new Date(Date.now() - 6 * 60_000) },
    });
    await lib.runDueOperations();
    op = await theRollback();
    expect(op.state).toBe("needs_attention");
    expect(op.lastError).toMatch(
      new RegExp(
        `^the rollback deploy dispatch's outcome is unknown \\(Bad Gateway.*\\) and no run carries correlation id ${op.correlationId}`,
      ),
    );
    // Production stays locked while the outcome is unknown.
    expect(await refusalOf(rollback(seeded.badMergeSha))).toBe(
      `Rollback to ${seeded.rollbackTargetSha.slice(0, 7)} started by lee-lead needs attention: retry it (or resolve it on GitHub) before starting another production operation.`,
    );

    // QA may retry release steps, but retrying a rollback redeploys production.
    await expect(
      lib.retryOperation(viewer("quinn-qa", ["viewer", "qa"]), op.id, { kick: false }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await theRollback()).state).toBe("needs_attention");
    expect(await lib.retryOperation(lee, op.id, { kick: false })).toEqual({
      ok: true,
      message: "Retrying.",
      operation: { kind: "rollback", releaseSha: op.releaseSha },
    });
    await finish();
    op = await theRollback();
    expect(op).toMatchObject({ state: "succeeded", productionLock: null });
    expect(dispatchesOf(await simCalls(world.sim)).map((c) => c.status)).toEqual([502, 200]);
    expect((await simState(world.sim)).production).toMatchObject({ sha: seeded.rollbackTargetSha });
  });

  it("a dispatch that timed out is never re-sent: the reconciler finds the run by correlation id", async () => {
    await control(world.sim, "POST", "/_sim/faults", {
      method: "POST",
      path: DEPLOY_DISPATCH,
      kind: "hang",
      seconds: 5,
      count: 2,
    });
    expect((await rollback(seeded.rollbackTargetSha)).ok).toBe(true);
    await lib.runDueOperations();
    let op = await theRollback();
    expect(op).toMatchObject({ state: "running", githubRunId: null });
    expect(op.dispatchedAt).not.toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await lib.runDueOperations();
    const remaining = async () =>
      (await control<{ remaining: number }[]>(world.sim, "GET", "/_sim/faults")).map((f) => f.remaining);
    expect(await remaining()).toEqual([1]);
    await control(world.sim, "DELETE", "/_sim/faults");

    // The run GitHub would have started for the lost answer, carrying the operation's correlation id.
    const started = await octokitAs(world.sim, { login: "lee-lead" }).request(
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
      {
        owner: "acme",
        repo: "shop",
        workflow_id: "deploy-production.yml",
        ref: "main",
        inputs: { sha: seeded.rollbackTargetSha, reason: "rollback", correlation_id: op.correlationId },
        return_run_details: true,
      },
    );
    await finish();

    op = await theRollback();
    expect(op.state).toBe("succeeded");
    expect(Number(op.githubRunId)).toBe(
      Number((started.data as { workflow_run_id: number }).workflow_run_id),
    );
    const byWorker = dispatchesOf(await simCalls(world.sim)).filter(
      (c) => c.fault !== null || c.status !== 200,
    );
    expect(byWorker.every((c) => c.fault === "hang")).toBe(true);
    expect(dispatchesOf(await simCalls(world.sim)).filter((c) => c.fault === null)).toHaveLength(1);
    const reasons = (
      await db.prisma.auditEvent.findMany({ where: { targetId: op.id }, orderBy: { id: "asc" } })
    ).map((e) => e.reason ?? e.outcome);
    expect(reasons[1]).toMatch(/^dispatch outcome unknown: GitHub did not answer/);
    expect(reasons.join("\n")).toContain(`found run ${op.githubRunId} by correlation id`);
  });
});
