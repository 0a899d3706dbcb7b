import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/database";
import { advance, control, simState } from "./simulator-helpers";
import {
  API,
  drain,
  simCalls,
  resetAcceptanceWorld,
  startAcceptanceWorld,
  viewer,
  writes,
  type AcceptanceWorld,
} from "./acceptance-support";

let world: AcceptanceWorld;
let db: Database;
let lib: AcceptanceWorld["lib"];
const quinn = viewer("quinn-qa", ["viewer", "qa"]);
const qa = viewer("ada-admin", ["viewer", "qa", "admin"]);

beforeAll(async () => {
  world = await startAcceptanceWorld();
  ({ db, lib } = world);
});

afterAll(async () => {
  await world?.close();
});

beforeEach(async () => {
  await resetAcceptanceWorld(world);
});

const unfinished = () => db.prisma.operation.count({ where: { state: { in: ["pending", "running"] } } });
const pullsOpened = async () =>
  (await simCalls(world.sim)).filter((c) => c.method === "POST" && c.path === `${API}/pulls`);

async function untilStaging(sha: string, state: string) {
  for (let i = 0; i < 30; i++) {
    const staging = (await simState(world.sim)).staging;
    if (staging?.sha === sha && staging.state === state) return;
    await advance(world.sim, 300);
  }
  throw new Error(`staging never reached ${state} for ${sha}`);
}

/**
 * The seeded release PR is merged outside Release Desk, then a new commit reaches staging with no
 * pull request open for it: the situation where Release Desk has to open one.
 */
async function releaseWithoutPull(): Promise<string> {
  const { seeded } = await simState(world.sim);
  const merged = await fetch(
    `${world.sim.apiUrl}/repos/acme/shop/pulls/${seeded.candidatePullNumber}/merge`,
    {
      method: "PUT",
      headers: { authorization: "token sim-token-lee-lead", "content-type": "application/json" },
      body: JSON.stringify({ sha: seeded.candidateSha, merge_method: "merge" }),
    },
  );
  expect(merged.status).toBe(200);
  const { sha, pullNumber } = await control<{ sha: string; pullNumber: number | null }>(
    world.sim,
    "POST",
    "/_sim/push",
    { branch: "testing", message: "feat: wishlist", openPull: false },
  );
  expect(pullNumber).toBeNull();
  await untilStaging(sha, "success");
  await control(world.sim, "DELETE", "/_sim/calls");
  return sha;
}

describe("a release with no pull request open", () => {
  it("is accepted; the merge step opens the pull request as the reviewer, then merges it once", async () => {
    const sha = await releaseWithoutPull();
    const result = await lib.acceptRelease(quinn, { sha, checklist: lib.checklist }, { kick: false });
    expect(result.ok).toBe(true);
    const decision = await db.prisma.releaseDecision.findUniqueOrThrow({ where: { sha } });
    expect(decision.prNumber).toBeNull();

    await drain(world.sim, lib.runDueOperations, unfinished);
    const merge = await db.prisma.operation.findFirstOrThrow({ where: { kind: "merge" } });
    expect(merge.state).toBe("succeeded");
    const opened = await pullsOpened();
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ status: 201, login: "quinn-qa" });
    const { pullNumber } = merge.input as { pullNumber: number };
    expect(pullNumber).toBeGreaterThan(0);
    const { merges } = writes(await simCalls(world.sim));
    expect(merges).toHaveLength(1);
    expect(merges[0]?.path).toBe(`${API}/pulls/${pullNumber}/merge`);
    expect((await db.prisma.operation.findFirstOrThrow({ where: { kind: "teardown" } })).state).toBe(
      "succeeded",
    );
    // The teardown is done only once GitHub shows the staging deployment inactive.
    const teardownDone = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "operation.teardown", outcome: "succeeded" },
    });
    expect(teardownDone.reason).toMatch(/^teardown run \d+ succeeded.*; its staging deployment is inactive$/);

    const steps = await db.prisma.auditEvent.findMany({
      where: { action: "operation.merge", outcome: "succeeded" },
    });
    expect(steps).toHaveLength(1);
    expect(steps[0]?.reason).toMatch(
      new RegExp(`^opened #${pullNumber}, merged #${pullNumber} as [0-9a-f]{40}$`),
    );
  });

  it("a pull request someone opened meanwhile is used, not opened a second time", async () => {
    const sha = await releaseWithoutPull();
    expect((await lib.acceptRelease(quinn, { sha, checklist: lib.checklist }, { kick: false })).ok).toBe(
      true,
    );
    const theirs = await fetch(`${world.sim.apiUrl}/repos/acme/shop/pulls`, {
      method: "POST",
      headers: { authorization: "token sim-token-dana-dev", "content-type": "application/json" },
      body: JSON.stringify({ title: "Release wishlist", head: "testing", base: "main" }),
    });
    expect(theirs.status).toBe(201);
    const { number } = (await theirs.json()) as { number: number };
    await control(world.sim, "DELETE", "/_sim/calls");

    await drain(world.sim, lib.runDueOperations, unfinished);
    expect(await pullsOpened()).toHaveLength(0);
    const merge = await db.prisma.operation.findFirstOrThrow({ where: { kind: "merge" } });
    expect(merge).toMatchObject({ state: "succeeded", input: { pullNumber: number, headSha: sha } });
    expect(writes(await simCalls(world.sim)).merges.map((m) => m.path)).toEqual([
      `${API}/pulls/${number}/merge`,
    ]);
  });

  it("is refused when the branch moved on since staging was deployed", async () => {
    const sha = await releaseWithoutPull();
    const { sha: newer } = await control<{ sha: string }>(world.sim, "POST", "/_sim/push", {
      branch: "testing",
      message: "feat: not yet in staging",
      openPull: false,
    });
    const result = await lib.acceptRelease(qa, { sha, checklist: lib.checklist }, { kick: false });
    expect(result).toEqual({
      ok: false,
      refusal: `Testing moved on since staging was deployed: the branch now ends at ${newer.slice(0, 7)}.`,
    });
    expect(await db.prisma.releaseDecision.count()).toBe(0);
    expect(await db.prisma.operation.count()).toBe(0);
    expect(await pullsOpened()).toHaveLength(0);
  });
});

describe("a teardown dispatch whose outcome stays unknown", () => {
  it("is looked for, not re-sent, and after five minutes asks a person; Retry then dispatches once", async () => {
    const { seeded } = await simState(world.sim);
    const sha = seeded.candidateSha;
    expect((await lib.acceptRelease(quinn, { sha, checklist: lib.checklist }, { kick: false })).ok).toBe(
      true,
    );
    const merge = await db.prisma.operation.findFirstOrThrow({ where: { kind: "merge" } });
    const teardown = await db.prisma.operation.findFirstOrThrow({ where: { kind: "teardown" } });
    await db.prisma.operation.update({ where: { id: merge.id }, data: { state: "succeeded" } });
    // A process sent the dispatch (as far as it knows), then died; GitHub never created the run.
    const sentAt = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await db.prisma.operation.update({
      where: { id: teardown.id },
      data: { state: "running", attempts: 1, dispatchedAt: sentAt(1), nextAttemptAt: new Date() },
    });
    await control(world.sim, "DELETE", "/_sim/calls");

    await lib.runDueOperations();
    let step = await db.prisma.operation.findUniqueOrThrow({ where: { id: teardown.id } });
    expect(step.state).toBe("running");
    expect(writes(await simCalls(world.sim)).dispatches).toHaveLength(0);

    await db.prisma.operation.update({
      where: { id: teardown.id },
      data: { dispatchedAt: sentAt(6), nextAttemptAt: new Date() },
    });
    await lib.runDueOperations();
    step = await db.prisma.operation.findUniqueOrThrow({ where: { id: teardown.id } });
    expect(step.state).toBe("needs_attention");
    expect(step.lastError).toMatch(/outcome is unknown/);
    expect(step.lastError).toContain(step.correlationId);
    expect(writes(await simCalls(world.sim)).dispatches).toHaveLength(0);

    expect((await lib.retryOperation(quinn, teardown.id, { kick: false })).ok).toBe(true);
    await drain(world.sim, lib.runDueOperations, unfinished);
    step = await db.prisma.operation.findUniqueOrThrow({ where: { id: teardown.id } });
    expect(step.state).toBe("succeeded");
    expect(writes(await simCalls(world.sim)).dispatches).toHaveLength(1);
  });
});
