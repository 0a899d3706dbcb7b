import { authorize } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/client";
import { kickOperations } from "./operations-worker";
import type { StepActionResult } from "./step-action-result";

/**
 * A person asks for a step that needs attention to be tried again. Conditional on the state, so two
 * clicks make one retry. A teardown retried after an unknown dispatch looks its run up first.
 */
export async function retryOperation(
  viewer: Viewer | null,
  operationId: string,
  options: { kick?: boolean } = {},
): Promise<StepActionResult> {
  const actor = authorize(viewer, "operations.retry");
  const prisma = await getPrisma();
  const op = await prisma.operation.findUnique({ where: { id: operationId } });
  if (!op) return { ok: false, refusal: "No such operation." };
  const operation = { kind: op.kind, releaseSha: op.releaseSha };
  // Retrying a rollback redeploys production: it takes the rollback permission, not just retry.
  if (op.kind === "rollback") authorize(viewer, "production.rollback");
  const { count } = await prisma.$transaction(async (tx) => {
    const updated = await tx.operation.updateMany({
      where: { id: op.id, state: "needs_attention" },
      data: { state: "pending", nextAttemptAt: new Date(), dispatchedAt: null },
    });
    await recordAuditEvent(
      {
        actor: actor.login,
        actorRoles: actor.roles,
        action: `operation.${op.kind}.retry`,
        targetType: "operation",
        targetId: op.id,
        sha: op.releaseSha,
        outcome: updated.count === 1 ? "recorded" : "refused",
        reason: updated.count === 1 ? op.lastError : `the step is ${op.state}, not waiting for attention`,
      },
      tx,
    );
    return updated;
  });
  if (count !== 1)
    return {
      ok: false,
      refusal: `This step is ${op.state}; only a step that needs attention can be retried.`,
      operation,
    };
  if (options.kick ?? true) kickOperations();
  return { ok: true, message: "Retrying.", operation };
}
