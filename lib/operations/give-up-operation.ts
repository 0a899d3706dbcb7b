import { authorize } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/client";
import type { StepActionResult } from "./step-action-result";

const MAX_REASON = 500;

/**
 * A person decides that a step needing attention will not be tried again: they deal with it on
 * GitHub themselves. The step ends `failed` with their reason; steps waiting for it end with it
 * (a teardown never runs after a merge given up). A rollback given up releases production for the
 * next one. Conditional on the state, so two clicks give up once; audited either way.
 */
export async function giveUpOperation(
  viewer: Viewer | null,
  input: { operationId: string; reason: string },
): Promise<StepActionResult> {
  const actor = authorize(viewer, "operations.retry");
  const prisma = await getPrisma();
  const op = await prisma.operation.findUnique({ where: { id: input.operationId } });
  if (!op) return { ok: false, refusal: "No such operation." };
  const operation = { kind: op.kind, releaseSha: op.releaseSha };
  // Ending a rollback unblocks the next production deploy: the rollback permission decides that.
  if (op.kind === "rollback") authorize(viewer, "production.rollback");
  const reason = input.reason.trim();
  if (reason === "" || reason.length > MAX_REASON) {
    return {
      ok: false,
      refusal: `Say why this step is given up (1 to ${MAX_REASON} characters): it goes in the audit log.`,
      operation,
    };
  }
  const outcome = await prisma.$transaction(async (tx) => {
    const lastError = `given up by ${actor.login}: ${reason}`;
    const { count } = await tx.operation.updateMany({
      where: { id: op.id, state: "needs_attention" },
      data: { state: "failed", lastError },
    });
    const dependents =
      count === 1
        ? await tx.operation.findMany({
            where: { dependsOn: op.id, state: "pending" },
            select: { id: true, kind: true },
          })
        : [];
    for (const dependent of dependents) {
      await tx.operation.updateMany({
        where: { id: dependent.id, state: "pending" },
        data: { state: "failed", lastError: `not run: the ${op.kind} it waited for was given up` },
      });
    }
    await recordAuditEvent(
      {
        actor: actor.login,
        actorRoles: actor.roles,
        action: `operation.${op.kind}.give_up`,
        targetType: "operation",
        targetId: op.id,
        sha: op.releaseSha,
        outcome: count === 1 ? "recorded" : "refused",
        reason: count === 1 ? reason : `the step is ${op.state}, not waiting for attention`,
        details: { previousError: op.lastError ?? "", dependents: dependents.map((d) => d.id).join(",") },
      },
      tx,
    );
    return { count, dependents: dependents.length };
  });
  if (outcome.count !== 1) {
    // Someone else may have retried or given it up a moment ago: say what it is now.
    const now = await prisma.operation.findUnique({ where: { id: op.id }, select: { state: true } });
    return {
      ok: false,
      refusal: `This step is ${(now ?? op).state}; only a step that needs attention can be given up.`,
      operation,
    };
  }
  const also = outcome.dependents > 0 ? ` and the ${outcome.dependents} step(s) waiting for it` : "";
  return { ok: true, message: `Gave up the ${op.kind}${also}.`, operation };
}
