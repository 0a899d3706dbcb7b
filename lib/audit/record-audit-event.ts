import type { Role } from "@/lib/config/config";
import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/client";

export interface AuditInput {
  actor: string;
  actorRoles: readonly Role[];
  action: string;
  targetType: string;
  targetId: string;
  sha?: string | null;
  outcome: "succeeded" | "failed" | "refused" | "started" | "recorded";
  reason?: string | null;
  requestId?: string | null;
  details?: Prisma.InputJsonValue;
}

type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

/**
 * Appends one event. Pass `tx` to write it in the same transaction as the change it records, so a
 * decision and its audit entry exist together or not at all.
 */
export async function recordAuditEvent(input: AuditInput, tx?: AuditWriter) {
  const writer = tx ?? (await getPrisma());
  return writer.auditEvent.create({
    data: {
      actor: input.actor,
      actorRoles: [...input.actorRoles],
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      sha: input.sha ?? null,
      outcome: input.outcome,
      reason: input.reason ?? null,
      requestId: input.requestId ?? null,
      ...(input.details === undefined ? {} : { details: input.details }),
    },
  });
}
