import { randomUUID } from "node:crypto";
import { authorize, requestId as newRequestId } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getPrisma } from "@/lib/db/client";
import { kickOperations } from "@/lib/operations/operations-worker";
import type { RollbackInput } from "@/lib/operations/rollback-input";
import { DecisionRefused } from "./decision-result";
import { describeProductionLock } from "./describe-production-lock";
import { readProductionFacts } from "./read-production-facts";
import { rollbackRequestSchema, type RollbackRequest } from "./rollback-request-input";

export type RollbackResult =
  { ok: true; operationId: string; message: string } | { ok: false; refusal: string };

/** The value of `Operation.productionLock` while a production operation is unfinished. */
export const PRODUCTION_LOCK = "production";
const ACTION = "production.rollback";

/**
 * A lead asks to put production back on an earlier SHA. Every check runs before anything is written;
 * a failed one is audited as `refused` and changes nothing else. The operation and its audit event are
 * one transaction, and the unique production lock makes every concurrent second request fail there.
 */
export async function requestRollback(
  viewer: Viewer | null,
  request: RollbackRequest,
  options: { kick?: boolean } = {},
): Promise<RollbackResult> {
  // Before any read: an unauthorised caller causes no GitHub call and no row, not even an audit one.
  const lead = authorize(viewer, "production.rollback");
  const requestId = newRequestId();
  const parsed = rollbackRequestSchema.safeParse(request);
  const refuse = async (sha: string, reason: string): Promise<RollbackResult> => {
    await recordAuditEvent({
      actor: lead.login,
      actorRoles: lead.roles,
      action: ACTION,
      targetType: "production",
      targetId: sha,
      sha,
      outcome: "refused",
      reason,
      requestId,
    });
    return { ok: false, refusal: reason };
  };
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => i.message).join(" ");
    // Only a well-formed SHA names something worth an audit entry; anything else is just bad input.
    const sha = typeof request.sha === "string" ? request.sha : "";
    return /^[0-9a-f]{40}$/.test(sha) ? refuse(sha, reason) : { ok: false, refusal: reason };
  }
  const { sha, reason, incidentUrl } = parsed.data;
  const prisma = await getPrisma();
  try {
    const holder = await prisma.operation.findFirst({ where: { productionLock: PRODUCTION_LOCK } });
    if (holder) throw new DecisionRefused(describeProductionLock(holder));

    const facts = await readProductionFacts(sha, { fresh: true });
    if (facts.freshness.stale) {
      throw new DecisionRefused(
        `GitHub could not be asked what production runs (${facts.freshness.error}); nothing was started.`,
      );
    }
    if (facts.rollingOut) {
      throw new DecisionRefused(
        `A production deployment of ${facts.rollingOut.sha.slice(0, 7)} (deployment ${facts.rollingOut.deploymentId}) is rolling out; wait for it to finish.`,
      );
    }
    if (facts.runningDeploy) {
      const { runId, status } = facts.runningDeploy;
      throw new DecisionRefused(
        `Production deploy run ${runId} is ${status.replace("_", " ")}; wait for it to finish.`,
      );
    }
    if (!facts.target) {
      throw new DecisionRefused(`${sha.slice(0, 7)} was never deployed to production successfully.`);
    }
    if (facts.current?.sha === sha) {
      throw new DecisionRefused(`Production already runs ${sha.slice(0, 7)}.`);
    }

    const input: RollbackInput = {
      fromSha: facts.current?.sha ?? "",
      reason,
      incidentUrl: incidentUrl === "" ? null : incidentUrl,
    };
    const operation = await prisma.$transaction(async (tx) => {
      const created = await tx.operation.create({
        data: {
          kind: "rollback",
          releaseSha: sha,
          actor: lead.login,
          correlationId: randomUUID(),
          input: { ...input },
          productionLock: PRODUCTION_LOCK,
        },
      });
      await recordAuditEvent(
        {
          actor: lead.login,
          actorRoles: lead.roles,
          action: ACTION,
          targetType: "production",
          targetId: sha,
          sha,
          outcome: "recorded",
          reason,
          requestId,
          details: {
            operationId: created.id,
            correlationId: created.correlationId,
            fromSha: input.fromSha,
            incidentUrl: input.incidentUrl,
          },
        },
        tx,
      );
      return created;
    });
    if (options.kick ?? true) kickOperations();
    return {
      ok: true,
      operationId: operation.id,
      message: `Rollback to ${sha.slice(0, 7)} started.`,
    };
  } catch (error) {
    if (error instanceof DecisionRefused) return refuse(sha, error.message);
    if (isUniqueViolation(error)) {
      // Another request took production between our check and our insert: say whose it is.
      const winner = await prisma.operation.findFirst({ where: { productionLock: PRODUCTION_LOCK } });
      return refuse(
        sha,
        winner ? describeProductionLock(winner) : "Another production operation started meanwhile.",
      );
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
