import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/database";
import { openDriver, type Driver } from "@/lib/db/driver";
import { tryAdvisoryLock } from "@/lib/db/try-advisory-lock";
import type { LiveChange } from "@/lib/live/live-change";
import type { reconcileGitHubState as ReconcileGitHubState } from "@/lib/reconciler/reconcile-github-state";
import type {
  reconcileOperations as ReconcileOperations,
  RECONCILE_LOCK_KEY as ReconcileLockKey,
} from "@/lib/reconciler/reconcile-operations";
import type { wakeOperations as WakeOperations } from "@/lib/operations/wake-operations";
import type { GitHubClient } from "@/lib/github/client";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import {
  drain,
  simCalls,
  resetAcceptanceWorld,
  startAcceptanceWorld,
  viewer,
  writes,
  type AcceptanceWorld,
} from "./acceptance-support";
import { advance, control, simState } from "./simulator-helpers";

// Two replicas on one PostgreSQL are two connection pools on one database: the app's own (through
// its modules) and a second driver opened here on the same URL.
let world: AcceptanceWorld;
let db: Database;
let replica: Driver;
let candidate: string;
let reconcileOperations: typeof ReconcileOperations;
let lockKey: typeof ReconcileLockKey;
let reconcileGitHubState: typeof ReconcileGitHubState;
let wakeOperations: typeof WakeOperations;
let gh: GitHubClient;
let subscribe: (listener: (change: LiveChange) => void) => () => void;
const quinn = viewer("quinn-qa", ["viewer", "qa"]);
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, unknown>[];
}[];

beforeAll(async () => {
  world = await startAcceptanceWorld();
  db = world.db;
  const [ops, state, wake, server, bus] = await Promise.all([
    import("@/lib/reconciler/reconcile-operations"),
    import("@/lib/reconciler/reconcile-github-state"),
    import("@/lib/operations/wake-operations"),
    import("@/lib/server/github"),
    import("@/lib/live/bus"),
  ]);
  reconcileOperations = ops.reconcileOperations;
  lockKey = ops.RECONCILE_LOCK_KEY;
  reconcileGitHubState = state.reconcileGitHubState;
  wakeOperations = wake.wakeOperations;
  gh = server.serverGitHub();
  subscribe = bus.subscribeLiveChanges;
  replica = await openDriver({ kind: "postgres", url: process.env.DATABASE_URL ?? "" });
});

afterAll(async () => {
  await replica?.close();
  await world?.close();
});

beforeEach(async () => {
  candidate = (await resetAcceptanceWorld(world)).seeded.candidateSha;
});

const reject = () =>
  world.lib.rejectRelease(quinn, { sha: candidate, reason: "reconciler test" }, { kick: false });
const teardownOp = () => db.prisma.operation.findFirstOrThrow({ where: { kind: "teardown" } });

/** Holds the reconcile lock from the other replica until `release` is called. */
async function holdLockOnReplica(key: bigint): Promise<{ release: () => void; done: Promise<unknown> }> {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held: () => void = () => {};
  const acquired = new Promise<void>((resolve) => (held = resolve));
  const done = tryAdvisoryLock(replica, key, async () => {
    held();
    await gate;
  });
  await acquired;
  return { release, done };
}

describe("the reconcile lock on PostgreSQL", () => {
  it("two replicas' passes at once: one does the work, the other skips it", async () => {
    const ran: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = tryAdvisoryLock(replica, 4242n, async () => {
      ran.push("replica");
      await gate;
      return "replica";
    });
    await expect.poll(() => ran.length).toBe(1);
    const second = await tryAdvisoryLock(db.driver, 4242n, async () => {
      ran.push("app");
      return "app";
    });
    release();
    expect(second).toEqual({ acquired: false });
    expect(await first).toEqual({ acquired: true, value: "replica" });
    expect(ran).toEqual(["replica"]);

    // Released when the holder's transaction ended: the next pass anywhere gets it.
    expect(await tryAdvisoryLock(db.driver, 4242n, () => Promise.resolve("app"))).toEqual({
      acquired: true,
      value: "app",
    });
  });

  it("a pass that throws releases the lock", async () => {
    await expect(tryAdvisoryLock(replica, 4243n, () => Promise.reject(new Error("boom")))).rejects.toThrow(
      "boom",
    );
    expect((await tryAdvisoryLock(db.driver, 4243n, () => Promise.resolve(1))).acquired).toBe(true);
  });

  it("while another replica reconciles, this one leaves the due teardown alone; then runs it once", async () => {
    expect((await reject()).ok).toBe(true);
    const before = await teardownOp();
    const other = await holdLockOnReplica(lockKey);
    try {
      expect(await reconcileOperations()).toEqual({ acquired: false });
      const untouched = await teardownOp();
      expect(untouched.state).toBe("pending");
      expect(untouched.attempts).toBe(before.attempts);
      expect(writes(await simCalls(world.sim)).dispatches).toHaveLength(0);
    } finally {
      other.release();
      await other.done;
    }
    const pass = await reconcileOperations();
    expect(pass.acquired).toBe(true);
    expect((await teardownOp()).state).toBe("running");
    expect(writes(await simCalls(world.sim)).dispatches).toHaveLength(1);
  });

  it("two concurrent passes in one process take separate connections: only one runs", async () => {
    expect((await reject()).ok).toBe(true);
    const passes = await Promise.all([reconcileOperations(), reconcileOperations()]);
    expect(passes.filter((p) => p.acquired)).toHaveLength(1);
    expect(writes(await simCalls(world.sim)).dispatches).toHaveLength(1);
  });
});

describe("webhook hints wake the operations they concern", () => {
  it("a running step waiting on its run is made due now; one under a fresh claim is left alone", async () => {
    expect((await reject()).ok).toBe(true);
    const op = await teardownOp();
    const polling = new Date(Date.now() + 3_000);
    await db.prisma.operation.update({
      where: { id: op.id },
      data: { state: "running", githubRunId: 987_654n, nextAttemptAt: polling },
    });
    const none = { runIds: [], texts: [], pullNumbers: [] };

    expect(await wakeOperations(db.prisma, { ...none, runIds: [111] })).toBe(0);
    expect((await teardownOp()).nextAttemptAt).toEqual(polling);

    expect(await wakeOperations(db.prisma, { ...none, runIds: [987_654] })).toBe(1);
    expect((await teardownOp()).nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());

    // The correlation id in a run-name (`display_title`) finds a step whose run id is not known yet.
    await db.prisma.operation.update({
      where: { id: op.id },
      data: { githubRunId: null, nextAttemptAt: polling },
    });
    expect(
      await wakeOperations(db.prisma, { ...none, texts: [`Teardown ${candidate} [${op.correlationId}]`] }),
    ).toBe(1);

    // A worker claimed it a moment ago (lease 60 s ahead): not made due under that worker.
    const leased = new Date(Date.now() + 60_000);
    await db.prisma.operation.update({ where: { id: op.id }, data: { nextAttemptAt: leased } });
    expect(await wakeOperations(db.prisma, { ...none, texts: [op.correlationId] })).toBe(0);
    expect((await teardownOp()).nextAttemptAt).toEqual(leased);
  });
});

describe("a webhook about an operation's run", () => {
  it("is received, and brings the operation following that run forward", async () => {
    expect((await reject()).ok).toBe(true);
    const op = await teardownOp();
    const polling = new Date(Date.now() + 3_000);
    await db.prisma.operation.update({
      where: { id: op.id },
      data: { state: "running", githubRunId: 5_550_001n, nextAttemptAt: polling },
    });
    const example = examples.find((e) => e.name === "workflow_run")?.examples[0] ?? {};
    const body = JSON.stringify({
      ...example,
      action: "completed",
      workflow_run: {
        ...(example.workflow_run as Record<string, unknown>),
        id: 5_550_001,
        display_title: `Teardown ${candidate} [${op.correlationId}]`,
      },
    });
    const woken: number[] = [];
    const tasks: Promise<void>[] = [];
    const response = await receiveWebhook(
      new Request("http://app.test/api/webhooks/github", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "workflow_run",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": await sign("reconciler-secret", body),
        },
        body,
      }),
      {
        secrets: ["reconciler-secret"],
        maxBytes: 1_048_576,
        prisma: () => Promise.resolve(db.prisma),
        cache: gh.cache,
        afterResponse: (task) => void tasks.push(task()),
        wakeOperations: async (hints) => {
          woken.push(await wakeOperations(db.prisma, hints));
        },
      },
    );
    expect(response.status).toBe(202);
    await Promise.all(tasks);
    expect(woken).toEqual([1]);
    expect((await teardownOp()).nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe("the environment reconciler, with no webhook delivered", () => {
  it("notices the teardown in GitHub, revalidates the cached reads and tells browsers", async () => {
    expect((await control<{ url: string | null }>(world.sim, "GET", "/_sim/webhooks")).url).toBeNull();
    const { environments } = { environments: ["staging", "production"] };
    const target = { owner: "acme", repo: "shop", environments };
    const memory = new Map<string, string>();
    const seen: LiveChange[] = [];
    const unsubscribe = subscribe((change) => seen.push(change));
    try {
      // The first pass learns the current state; nothing to announce.
      expect((await reconcileGitHubState(gh, target, memory)).announced).toEqual([]);
      expect((await reconcileGitHubState(gh, target, memory)).announced).toEqual([]);

      expect((await reject()).ok).toBe(true);
      const unfinished = () =>
        db.prisma.operation.count({ where: { state: { in: ["pending", "running"] } } });
      await drain(world.sim, world.lib.runDueOperations, unfinished);
      expect((await teardownOp()).state).toBe("succeeded");
      expect((await simState(world.sim)).staging?.state).toBe("inactive");

      const result = await reconcileGitHubState(gh, target, memory);
      expect(result.announced).toContain("deployments");
      expect(result.invalidated).toBeGreaterThan(0);
      expect(seen.filter((c) => c.cause === "reconciler").map((c) => c.topic)).toContain("deployments");

      seen.length = 0;
      await advance(world.sim, 5);
      expect((await reconcileGitHubState(gh, target, memory)).announced).toEqual([]);
      expect(seen).toEqual([]);
    } finally {
      unsubscribe();
    }
  });
});

// Last: a fresh PGlite blocks the event loop while it initialises, which would stall the simulator.
describe("the reconcile lock on the embedded database", () => {
  it("runs the pass: one process owns the data folder, so there is nobody to exclude", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "release-desk-lock-"));
    const pglite = await openDriver({ kind: "pglite", dataDir });
    try {
      expect(await tryAdvisoryLock(pglite, 4244n, () => Promise.resolve("ran"))).toEqual({
        acquired: true,
        value: "ran",
      });
    } finally {
      await pglite.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    // A fresh PGlite data folder runs initdb in WebAssembly: tens of seconds on a busy 2-core machine.
  }, 120_000);
});
