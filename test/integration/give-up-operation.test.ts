import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/database";
import type { giveUpOperation as GiveUpOperation } from "@/lib/operations/give-up-operation";
import type { requestRollback as RequestRollback } from "@/lib/releases/request-rollback";
import type { SimState } from "./simulator-helpers";
import {
  resetAcceptanceWorld,
  simCalls,
  startAcceptanceWorld,
  viewer,
  writes,
  type AcceptanceWorld,
} from "./acceptance-support";

let world: AcceptanceWorld;
let db: Database;
let lib: AcceptanceWorld["lib"];
let giveUpOperation: typeof GiveUpOperation;
let requestRollback: typeof RequestRollback;
let seeded: SimState["seeded"];

const lee = viewer("lee-lead", ["viewer", "lead"]);
const quinn = viewer("quinn-qa", ["viewer", "qa"]);

beforeAll(async () => {
  world = await startAcceptanceWorld();
  ({ db, lib } = world);
  ({ giveUpOperation } = await import("@/lib/operations/give-up-operation"));
  ({ requestRollback } = await import("@/lib/releases/request-rollback"));
});

afterAll(async () => {
  await world?.close();
});

beforeEach(async () => {
  seeded = (await resetAcceptanceWorld(world)).seeded;
});

const rollback = (sha: string) =>
  requestRollback(lee, { sha, reason: "checkout errors after deploy" }, { kick: false });

describe("giving up a step that needs attention", () => {
  it("ends a stuck rollback with the lead's reason and frees production for the next one", async () => {
    const started = await rollback(seeded.rollbackTargetSha);
    expect(started.ok).toBe(true);
    const op = await db.prisma.operation.findFirstOrThrow({ where: { kind: "rollback" } });
    // The dispatch's outcome stayed unknown: the worker asked a person.
    await db.prisma.operation.update({
      where: { id: op.id },
      data: { state: "needs_attention", lastError: "the rollback deploy dispatch's outcome is unknown" },
    });
    expect((await rollback(seeded.rollbackTargetSha)).ok).toBe(false);

    // Ending a rollback decides what production may run next: QA's retry right is not enough.
    await expect(giveUpOperation(quinn, { operationId: op.id, reason: "x" })).rejects.toMatchObject({
      status: 403,
    });
    const auditBefore = await db.prisma.auditEvent.count();
    expect(await giveUpOperation(lee, { operationId: op.id, reason: "   " })).toMatchObject({
      ok: false,
      refusal: "Say why this step is given up (1 to 500 characters): it goes in the audit log.",
    });
    expect(await db.prisma.auditEvent.count()).toBe(auditBefore);
    expect((await db.prisma.operation.findUniqueOrThrow({ where: { id: op.id } })).state).toBe(
      "needs_attention",
    );

    const results = await Promise.all(
      [1, 2].map(() => giveUpOperation(lee, { operationId: op.id, reason: "deployed by hand from GitHub" })),
    );
    const rollbackRef = { kind: "rollback", releaseSha: seeded.rollbackTargetSha };
    expect(results.filter((r) => r.ok)).toEqual([
      { ok: true, message: "Gave up the rollback.", operation: rollbackRef },
    ]);
    expect(results.filter((r) => !r.ok)).toEqual([
      {
        ok: false,
        refusal: "This step is failed; only a step that needs attention can be given up.",
        operation: rollbackRef,
      },
    ]);
    const ended = await db.prisma.operation.findUniqueOrThrow({ where: { id: op.id } });
    expect(ended).toMatchObject({
      state: "failed",
      lastError: "given up by lee-lead: deployed by hand from GitHub",
      productionLock: null,
    });
    const events = await db.prisma.auditEvent.findMany({
      where: { action: "operation.rollback.give_up" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.actor, e.actorRoles, e.outcome])).toEqual([
      ["lee-lead", ["viewer", "lead"], "recorded"],
      ["lee-lead", ["viewer", "lead"], "refused"],
    ]);

    // Production is free again: a new rollback is accepted.
    expect((await rollback(seeded.rollbackTargetSha)).ok).toBe(true);
  });

  it("a merge given up takes the teardown waiting for it along, and nothing is sent to GitHub", async () => {
    const accepted = await lib.acceptRelease(
      quinn,
      { sha: seeded.candidateSha, checklist: lib.checklist },
      { kick: false },
    );
    expect(accepted.ok).toBe(true);
    const merge = await db.prisma.operation.findFirstOrThrow({ where: { kind: "merge" } });
    await db.prisma.operation.update({
      where: { id: merge.id },
      data: { state: "needs_attention", lastError: "a required check is failing" },
    });
    const result = await giveUpOperation(quinn, {
      operationId: merge.id,
      reason: "release abandoned; testing will be reset",
    });
    expect(result).toEqual({
      ok: true,
      message: "Gave up the merge and the 1 step(s) waiting for it.",
      operation: { kind: "merge", releaseSha: seeded.candidateSha },
    });
    const teardown = await db.prisma.operation.findFirstOrThrow({ where: { kind: "teardown" } });
    expect(teardown).toMatchObject({
      state: "failed",
      lastError: "not run: the merge it waited for was given up",
    });
    await lib.runDueOperations();
    const { merges, dispatches } = writes(await simCalls(world.sim));
    expect([merges, dispatches]).toEqual([[], []]);
  });

  it("refuses a viewer, and a step that is not waiting for attention", async () => {
    const accepted = await lib.acceptRelease(
      quinn,
      { sha: seeded.candidateSha, checklist: lib.checklist },
      { kick: false },
    );
    expect(accepted.ok).toBe(true);
    const merge = await db.prisma.operation.findFirstOrThrow({ where: { kind: "merge" } });
    await expect(
      giveUpOperation(viewer("vic-viewer", ["viewer"]), { operationId: merge.id, reason: "x" }),
    ).rejects.toMatchObject({ status: 403 });
    expect(await giveUpOperation(quinn, { operationId: merge.id, reason: "x" })).toMatchObject({
      ok: false,
      refusal: "This step is pending; only a step that needs attention can be given up.",
    });
    expect((await db.prisma.operation.findUniqueOrThrow({ where: { id: merge.id } })).state).toBe("pending");
  });
});
