import { getPrisma } from "@/lib/db/client";
import type { Operation } from "@/lib/db/generated/client";
import { rollbackInputSchema } from "@/lib/operations/rollback-input";
import { operationStateView } from "@/lib/operations/operation-state-view";
import type { Tone } from "@/lib/ui-tone";

export interface RollbackOperationView {
  id: string;
  targetSha: string;
  fromSha: string | null;
  actor: string;
  reason: string;
  incidentUrl: string | null;
  correlationId: string;
  state: string;
  stateLabel: string;
  tone: Tone;
  attempts: number;
  lastError: string | null;
  runId: string | null;
  runUrl: string | null;
  createdAtIso: string;
  active: boolean;
}

/** One rollback operation, or null (also for another kind's id). */
export async function getRollbackOperation(id: string): Promise<RollbackOperationView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const prisma = await getPrisma();
  const op = await prisma.operation.findUnique({ where: { id } });
  return op?.kind === "rollback" ? toView(op) : null;
}

/** Rollbacks started from Release Desk, keyed by the correlation id their deployment carries. */
export async function rollbacksByCorrelationId(ids: string[]): Promise<Map<string, RollbackOperationView>> {
  if (ids.length === 0) return new Map();
  const prisma = await getPrisma();
  const ops = await prisma.operation.findMany({ where: { kind: "rollback", correlationId: { in: ids } } });
  return new Map(ops.map((op) => [op.correlationId, toView(op)]));
}

/** The unfinished production operation, if any (the one holding the production lock). */
export async function activeRollback(): Promise<RollbackOperationView | null> {
  const prisma = await getPrisma();
  const op = await prisma.operation.findFirst({ where: { kind: "rollback", productionLock: { not: null } } });
  return op ? toView(op) : null;
}

function toView(op: Operation): RollbackOperationView {
  const parsed = rollbackInputSchema.safeParse(op.input);
  const input = parsed.success ? parsed.data : { fromSha: "", reason: "", incidentUrl: null };
  const state = operationStateView(op.state);
  return {
    id: op.id,
    targetSha: op.releaseSha,
    fromSha: input.fromSha === "" ? null : input.fromSha,
    actor: op.actor,
    reason: input.reason,
    incidentUrl: input.incidentUrl,
    correlationId: op.correlationId,
    state: op.state,
    stateLabel: state.label,
    tone: state.tone,
    attempts: op.attempts,
    lastError: op.lastError,
    runId: op.githubRunId === null ? null : op.githubRunId.toString(),
    runUrl: op.githubRunUrl,
    createdAtIso: op.createdAt.toISOString(),
    active: op.state === "pending" || op.state === "running",
  };
}
