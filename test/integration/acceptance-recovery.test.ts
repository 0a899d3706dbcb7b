import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/database";
import { advance, control, simState } from "./simulator-helpers";
import {
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
let candidate: string;
const quinn = viewer("quinn-qa", ["viewer", "qa"]);

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

const accept = () => lib.acceptRelease(quinn, { sha: candidate, checklist: lib.checklist }, { kick: false });
const unfinished = () => db.prisma.operation.count({ where: { state: { in: ["pending", "running"] } } });

describe("a worker that dies mid-way", () => {
  it("after a crash between merge and teardown, the restarted worker tears staging down once", async () => {
    expect((await accept()).ok).toBe(true);
    const merge = await db.prisma.operation.findFirstOrThrow({ where: { kind: "merge" } });
    const teardown = await db.prisma.operation.findFirstOrThrow({ where: { kind: "teardown" } });
    // The crashed process merged, claimed the teardown, and died before dispatching it.
    await db.prisma.operation.update({
      where: { id: teardown.id },
      data: { nextAttemptAt: new Date(Date.now() + 60_000) },
    });
    await lib.runDueOperations();
    expect((await db.prisma.operation.findUniqueOrThrow({ where: { id: merge.id } })).state).toBe(
      "succeeded",
    );
    await db.prisma.operation.update({
      where: { id: teardown.id },
      data: { state: "running", attempts: 1, nextAttemptAt: new Date(Date.now() + 60_000) },
    });
    await lib.runDueOperations();
    expect(writes(await simCalls(world.sim)).dispatches).toHaveLength(0);

    // Its claim expires; a new process picks the step up.
    await db.prisma.operation.update({ where: { id: teardown.id }, data: { nextAttemptAt: new Date() } });
    await drain(world.sim, lib.runDueOperations, unfinished);
    expect((await db.prisma.operation.findUniqueOrThrow({ where: { id: teardown.id } })).state).toBe(
      "succeeded",
    );
    const { merges, dispatches } = writes(await simCalls(world.sim));
    expect(merges).toHaveLength(1);
    expect(dispatches).toHaveLength(1);
  });

  it("a merge whose answer was lost is recognised as done, not sent again", async () => {
    expect((await accept()).ok).toBe(true);
    const merge = await db.prisma.operation.findFirstOrThrow({ where: { kind: "merge" } });
    // The merge reached GitHub, but the process died before recording it.
    const pull = (await simState(world.sim)).seeded.candidatePullNumber;
    const res = await fetch(`${world.sim.apiUrl}/repos/acme/shop/pulls/${pull}/merge`, {
      method: "PUT",
      headers: { authorization: "token sim-token-quinn-qa", "content-type": "application/json" },
      body: JSON.stringify({ sha: candidate, merge_method: "merge" }),
    });
    expect(res.status).toBe(200);
    await db.prisma.operation.update({
      where: { id: merge.id },
      data: { state: "running", attempts: 1, nextAttemptAt: new Date(Date.now() - 1) },
    });
    await drain(world.sim, lib.runDueOperations, unfinished);
    expect((await db.prisma.operation.findUniqueOrThrow({ where: { id: merge.id } })).state).toBe(
      "succeeded",
    );
    expect(writes(await simCalls(world.sim)).merges).toHaveLength(1);
  });
});

describe("refusals that depend on staging", () => {
  it("refuses a release whose staging deployment failed", async () => {
    const { sha } = await control<{ sha: string }>(world.sim, "POST", "/_sim/push", {
      branch: "testing",
      ci: "failure",
      ciFailsAt: "smoke",
    });
    for (let i = 0; i < 20 && (await simState(world.sim)).staging?.sha !== sha; i++)
      await advance(world.sim, 300);
    await advance(world.sim, 1800);
    const state = await simState(world.sim);
    expect(state.staging).toMatchObject({ sha, state: "failure" });
    const result = await lib.acceptRelease(quinn, { sha, checklist: lib.checklist }, { kick: false });
    expect(result).toEqual({
      ok: false,
      refusal: `The staging deployment of ${sha.slice(0, 7)} has not succeeded (its state is failure).`,
    });
    expect(await db.prisma.releaseDecision.count()).toBe(0);
  });
});
