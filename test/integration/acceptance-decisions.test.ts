import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import type { Database } from "@/lib/db/database";
import { control, octokitAs, simState } from "./simulator-helpers";
import {
  drain,
  simCalls,
  resetAcceptanceWorld,
  startAcceptanceWorld,
  viewer,
  writes,
  type AcceptanceWorld,
  MERGE_PATH,
  TEARDOWN_DISPATCH,
} from "./acceptance-support";

let world: AcceptanceWorld;
let db: Database;
let lib: AcceptanceWorld["lib"];

const quinn = viewer("quinn-qa", ["viewer", "qa"]);
const ada = viewer("ada-admin", ["viewer", "qa", "admin"]);
const dana = viewer("dana-dev", ["viewer", "qa"]);

let candidate: string;

beforeAll(async () => {
  world = await startAcceptanceWorld();
  ({ db, lib } = world);
});

afterAll(async () => {
  await world?.close();
});

beforeEach(async () => {
  candidate = (await resetAcceptanceWorld(world)).seeded.candidateSha;
});

const counts = async () => ({
  decisions: await db.prisma.releaseDecision.count(),
  operations: await db.prisma.operation.count(),
  audit: await db.prisma.auditEvent.count(),
});

const unfinished = () => db.prisma.operation.count({ where: { state: { in: ["pending", "running"] } } });
const finish = () => drain(world.sim, lib.runDueOperations, unfinished);
const accept = (who: Viewer, overrides: Record<string, unknown> = {}) =>
  lib.acceptRelease(
    who,
    { sha: candidate, checklist: lib.checklist, notes: "looks good", ...overrides },
    { kick: false },
  );

describe("who may decide", () => {
  it("refuses a viewer and a lead without qa with 403, zero GitHub calls and zero rows", async () => {
    const before = await counts();
    for (const who of [viewer("vic-viewer", ["viewer"]), viewer("lee-lead", ["viewer", "lead"])]) {
      await expect(accept(who)).rejects.toMatchObject({ name: "AuthError", status: 403 });
      await expect(
        lib.rejectRelease(who, { sha: candidate, reason: "no" }, { kick: false }),
      ).rejects.toMatchObject({ status: 403 });
    }
    await expect(lib.acceptRelease(null, { sha: candidate }, { kick: false })).rejects.toMatchObject({
      status: 401,
    });
    expect(await simCalls(world.sim)).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});

describe("accepting", () => {
  it("ten accepts at once (two reviewers, double submits) make one decision, one merge, one teardown", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => accept(i % 2 === 0 ? quinn : ada)),
    );
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    const decision = await db.prisma.releaseDecision.findUniqueOrThrow({ where: { sha: candidate } });
    for (const lost of results.filter((r) => !r.ok)) {
      expect(lost).toMatchObject({
        refusal: `This release was already accepted by ${decision.reviewer} at ${decision.decidedAt.toISOString()}.`,
      });
    }
    expect(decision).toMatchObject({ decision: "accepted", prHeadSha: candidate, notes: "looks good" });
    expect(Object.keys(decision.images as object)).toHaveLength(4);
    expect(await db.prisma.operation.count()).toBe(2);

    // Two workers at once, as two app processes would run them.
    await Promise.all([finish(), finish()]);

    const ops = await db.prisma.operation.findMany({ orderBy: { createdAt: "asc" } });
    expect(ops.map((o) => [o.kind, o.state])).toEqual([
      ["merge", "succeeded"],
      ["teardown", "succeeded"],
    ]);
    const { merges, dispatches } = writes(await simCalls(world.sim));
    expect(merges.map((c) => [c.status, c.login])).toEqual([[200, decision.reviewer]]);
    expect(dispatches.map((c) => [c.status, c.login])).toEqual([[200, decision.reviewer]]);
    const state = await simState(world.sim);
    expect(state.openPull).toBeNull();
    expect(state.liveNamespaces.map((n) => n.sha)).not.toContain(candidate);

    const audit = await db.prisma.auditEvent.findMany({ where: { sha: candidate }, orderBy: { id: "asc" } });
    expect(
      audit
        .filter((e) => e.action === "release.accept")
        .map((e) => e.outcome)
        .sort(),
    ).toEqual(["recorded", ...Array<string>(9).fill("refused")]);
    expect(audit.filter((e) => e.action === "operation.merge").map((e) => e.outcome)).toEqual([
      "started",
      "succeeded",
    ]);
    expect(audit.filter((e) => e.action === "operation.teardown").map((e) => e.outcome)).toContain(
      "succeeded",
    );
    // Each step is recorded as done by the reviewer, with the roles configuration grants them (ROLE_QA).
    const steps = audit.filter((e) => e.action.startsWith("operation."));
    expect(steps.length).toBeGreaterThanOrEqual(4);
    for (const step of steps) {
      expect([step.actor, step.actorRoles]).toEqual([decision.reviewer, ["viewer", "qa"]]);
    }
  });

  it("refuses, without side effects, an unticked checklist, a moved head, an author and another SHA", async () => {
    const before = await counts();
    const refusalOf = async (p: Promise<{ ok: boolean; refusal?: string }>) => (await p).refusal;

    expect(await refusalOf(accept(quinn, { checklist: lib.checklist.slice(1) }))).toMatch(
      /^Tick every checklist item before accepting\. Not ticked: Browse the frontend\.$/,
    );
    expect(await refusalOf(accept(dana))).toMatch(/^Four-eyes rule: you authored [0-9a-f]{7}/);
    const older = (await simState(world.sim)).seeded.rollbackTargetSha;
    expect(await refusalOf(accept(quinn, { sha: older }))).toBe(
      `${older.slice(0, 7)} is not the release in staging now (staging runs ${candidate.slice(0, 7)}).`,
    );
    expect(await refusalOf(lib.rejectRelease(quinn, { sha: candidate, reason: "  " }, { kick: false }))).toBe(
      "A reason is required to reject a release.",
    );

    const pushed = await control<{ sha: string }>(world.sim, "POST", "/_sim/push", { branch: "testing" });
    expect(await refusalOf(accept(quinn))).toBe(
      `Testing moved on since staging was deployed: pull request #${(await simState(world.sim)).seeded.candidatePullNumber} now ends at ${pushed.sha.slice(0, 7)}.`,
    );

    const after = await counts();
    expect({ decisions: after.decisions, operations: after.operations }).toEqual({
      decisions: before.decisions,
      operations: before.operations,
    });
    // Each refusal is in the audit log.
    expect(after.audit - before.audit).toBe(5);
    expect(writes(await simCalls(world.sim))).toEqual({ merges: [], dispatches: [] });
  });

  it("retries a merge GitHub answered 502 and merges once", async () => {
    await control(world.sim, "POST", "/_sim/faults", {
      method: "PUT",
      path: `^${MERGE_PATH.source.slice(1)}`,
      kind: "status",
      status: 502,
      count: 1,
    });
    expect((await accept(quinn)).ok).toBe(true);
    await finish();
    const merge = await db.prisma.operation.findFirstOrThrow({ where: { kind: "merge" } });
    expect(merge).toMatchObject({ state: "succeeded", attempts: 2, lastError: null });
    const { merges, dispatches } = writes(await simCalls(world.sim));
    expect(merges.map((c) => c.status)).toEqual([502, 200]);
    expect(dispatches).toHaveLength(1);
  });

  it("never re-sends a teardown dispatch that timed out: it finds the run by correlation id", async () => {
    // The simulator drops a hung request once the client gives up, so the run GitHub would have
    // started for the lost answer is started below, carrying the operation's correlation id.
    await control(world.sim, "POST", "/_sim/faults", {
      method: "POST",
      path: TEARDOWN_DISPATCH,
      kind: "hang",
      seconds: 5,
      count: 2,
    });
    expect((await accept(quinn)).ok).toBe(true);
    const teardownDispatched = async () =>
      (await db.prisma.operation.findFirstOrThrow({ where: { kind: "teardown" } })).dispatchedAt !== null;
    while (!(await teardownDispatched())) await lib.runDueOperations();
    let op = await db.prisma.operation.findFirstOrThrow({ where: { kind: "teardown" } });
    expect(op).toMatchObject({ state: "running", githubRunId: null });

    // The worker keeps looking; it does not dispatch again.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await lib.runDueOperations();
    // Each dispatch that reached the simulator used up one of the fault's two uses.
    const remaining = async () =>
      (await control<{ remaining: number }[]>(world.sim, "GET", "/_sim/faults")).map((f) => f.remaining);
    expect(await remaining()).toEqual([1]);
    await control(world.sim, "DELETE", "/_sim/faults");

    const started = await octokitAs(world.sim, { login: "lee-lead" }).request(
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
      {
        owner: "acme",
        repo: "shop",
        workflow_id: "staging-teardown.yml",
        ref: "main",
        inputs: {
          sha: candidate,
          namespace: `staging-${candidate.slice(0, 7)}`,
          correlation_id: op.correlationId,
        },
        return_run_details: true,
      },
    );
    await finish();

    op = await db.prisma.operation.findFirstOrThrow({ where: { kind: "teardown" } });
    expect(op.state).toBe("succeeded");
    expect(Number(op.githubRunId)).toBe(
      Number((started.data as { workflow_run_id: number }).workflow_run_id),
    );
    const byWorker = writes(await simCalls(world.sim)).dispatches.filter((c) => c.login !== "lee-lead");
    // The hung call is logged only once the simulator stops waiting on it.
    expect(byWorker.length).toBeLessThanOrEqual(1);
    expect(byWorker.every((c) => c.fault === "hang")).toBe(true);
    const audit = await db.prisma.auditEvent.findMany({ where: { targetId: op.id }, orderBy: { id: "asc" } });
    const reasons = audit.map((e) => e.reason ?? e.outcome);
    expect(reasons[0]).toBe("started");
    expect(reasons[1]).toMatch(/^dispatch outcome unknown: GitHub did not answer/);
    expect(reasons.join("\n")).toContain(`found run ${op.githubRunId} by correlation id`);
    expect(reasons.at(-1)).toMatch(new RegExp(`^teardown run ${op.githubRunId} succeeded`));
  });

  it("a head that changed after acceptance needs attention; Retry is audited and tries again", async () => {
    expect((await accept(quinn)).ok).toBe(true);
    await control(world.sim, "POST", "/_sim/push", { branch: "testing" });
    await drain(world.sim, lib.runDueOperations, () =>
      db.prisma.operation.count({ where: { kind: "merge", state: { in: ["pending", "running"] } } }),
    );
    const [merge, teardown] = await db.prisma.operation.findMany({ orderBy: { createdAt: "asc" } });
    expect(merge?.state).toBe("needs_attention");
    expect(merge?.lastError).toMatch(/^head changed after acceptance/);
    // A blocked merge keeps staging up: the teardown waits.
    expect(teardown?.state).toBe("pending");
    expect(writes(await simCalls(world.sim))).toEqual({ merges: [], dispatches: [] });

    await expect(lib.retryOperation(viewer("vic-viewer", ["viewer"]), merge!.id)).rejects.toMatchObject({
      status: 403,
    });
    expect(await lib.retryOperation(quinn, merge!.id, { kick: false })).toMatchObject({ ok: true });
    expect(await lib.retryOperation(quinn, merge!.id, { kick: false })).toMatchObject({ ok: false });
    const retries = await db.prisma.auditEvent.findMany({
      where: { action: "operation.merge.retry" },
      orderBy: { id: "asc" },
    });
    expect(retries.map((e) => e.outcome)).toEqual(["recorded", "refused"]);
  });
});

describe("rejecting", () => {
  it("tears staging down without merging, or keeps it for investigation", async () => {
    const kept = await lib.rejectRelease(
      quinn,
      { sha: candidate, reason: "orders stuck", keepStaging: true },
      { kick: false },
    );
    expect(kept.ok).toBe(true);
    expect(await db.prisma.operation.count()).toBe(0);
    await db.prisma.releaseDecision.deleteMany();

    expect(
      (await lib.rejectRelease(quinn, { sha: candidate, reason: "orders stuck" }, { kick: false })).ok,
    ).toBe(true);
    await finish();
    const { merges, dispatches } = writes(await simCalls(world.sim));
    expect(merges).toEqual([]);
    expect(dispatches).toHaveLength(1);
    const decision = await db.prisma.releaseDecision.findUniqueOrThrow({ where: { sha: candidate } });
    expect(decision).toMatchObject({ decision: "rejected", notes: "orders stuck", keepStaging: false });
    expect((await simState(world.sim)).openPull).not.toBeNull();
  });
});
