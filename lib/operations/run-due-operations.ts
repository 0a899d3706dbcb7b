import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { rolesFor } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config/config";
import { getPrisma } from "@/lib/db/client";
import type { Operation } from "@/lib/db/generated/client";
import { executeMerge } from "./execute-merge";
import { executeRollback } from "./execute-rollback";
import { executeTeardown } from "./execute-teardown";
import type { StepOutcome } from "./step-outcome";

/** A claimed operation is this worker's for this long; a crashed worker's claim then expires. */
const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;

export interface RunReport {
  executed: number;
  /** Earliest time an unfinished operation is due again, or null when none is waiting. */
  nextDueAt: Date | null;
}

/**
 * One pass of the worker: every operation due now (pending, or running with an expired lease or a
 * poll due) whose dependency has succeeded is claimed and executed once. Safe to run in several
 * processes at once: the claim is a conditional update only one of them wins.
 */
export async function runDueOperations(): Promise<RunReport> {
  const prisma = await getPrisma();
  const due = await prisma.operation.findMany({
    where: { state: { in: ["pending", "running"] }, nextAttemptAt: { lte: new Date() } },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  let executed = 0;
  for (const op of due) {
    if (op.dependsOn) {
      const dependency = await prisma.operation.findUnique({ where: { id: op.dependsOn } });
      if (dependency?.state !== "succeeded") continue;
    }
    if (!(await claim(op))) continue;
    const claimed = { ...op, attempts: op.state === "pending" ? op.attempts + 1 : op.attempts };
    if (op.state === "pending") await audit(claimed, "started", null, { state: "running" });
    await settle(claimed, await execute(claimed));
    executed++;
  }
  const next = await prisma.operation.findFirst({
    where: { state: { in: ["pending", "running"] } },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
  return { executed, nextDueAt: next?.nextAttemptAt ?? null };
}

/** Wins only if nobody changed the row since we read it (the lease moves `nextAttemptAt`). */
async function claim(op: Operation): Promise<boolean> {
  const prisma = await getPrisma();
  const { count } = await prisma.operation.updateMany({
    where: { id: op.id, state: op.state, nextAttemptAt: op.nextAttemptAt },
    data: {
      state: "running",
      nextAttemptAt: new Date(Date.now() + LEASE_MS),
      ...(op.state === "pending" ? { attempts: { increment: 1 } } : {}),
    },
  });
  return count === 1;
}

async function execute(op: Operation): Promise<StepOutcome> {
  try {
    if (op.kind === "merge") return await executeMerge(op);
    if (op.kind === "teardown") return await executeTeardown(op);
    if (op.kind === "rollback") return await executeRollback(op);
    return { kind: "failed", error: `unknown operation kind ${op.kind}` };
  } catch (error) {
    // A bug or the database: keep the operation, try again later, and say why.
    return { kind: "retry", error: error instanceof Error ? error.message : String(error) };
  }
}

async function settle(op: Operation, outcome: StepOutcome): Promise<void> {
  const prisma = await getPrisma();
  const now = Date.now();
  switch (outcome.kind) {
    case "wait":
      await prisma.operation.update({
        where: { id: op.id },
        data: { nextAttemptAt: new Date(now + outcome.afterMs) },
      });
      if (outcome.note) {
        await audit(op, "recorded", outcome.note, { state: "running" });
      }
      return;
    case "retry": {
      if (op.attempts >= MAX_ATTEMPTS) {
        const error = `gave up after ${op.attempts} attempts: ${outcome.error}`;
        await prisma.operation.update({
          where: { id: op.id },
          data: { state: "needs_attention", lastError: error },
        });
        await audit(op, "failed", error, { state: "needs_attention" });
        return;
      }
      const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (op.attempts - 1));
      const retryAt = new Date(now + delay);
      await prisma.operation.update({
        where: { id: op.id },
        data: { state: "pending", lastError: outcome.error, nextAttemptAt: retryAt },
      });
      await audit(op, "failed", outcome.error, { state: "pending", retryAt: retryAt.toISOString() });
      return;
    }
    case "succeeded":
      await prisma.operation.update({ where: { id: op.id }, data: { state: "succeeded", lastError: null } });
      await audit(op, "succeeded", outcome.note ?? null, { state: "succeeded" });
      return;
    case "failed":
    case "needs_attention":
      await prisma.operation.update({
        where: { id: op.id },
        data: { state: outcome.kind, lastError: outcome.error },
      });
      await audit(op, "failed", outcome.error, { state: outcome.kind });
      return;
  }
}

function audit(
  op: Operation,
  outcome: "started" | "succeeded" | "failed" | "recorded",
  reason: string | null,
  details: Record<string, string | number>,
) {
  return recordAuditEvent({
    // The step acts with this person's token; the worker only carries it out. Their roles as
    // configuration grants them now, when the step runs.
    actor: op.actor,
    actorRoles: rolesFor(op.actor, getConfig()),
    action: `operation.${op.kind}`,
    targetType: "operation",
    targetId: op.id,
    sha: op.releaseSha,
    outcome,
    reason,
    details: { ...details, attempt: op.attempts, correlationId: op.correlationId },
  });
}
