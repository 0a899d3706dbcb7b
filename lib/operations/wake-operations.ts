import type { PrismaClient } from "@/lib/db/generated/client";

/** What a webhook says about the GitHub objects it concerns, to find the operations following them. */
export interface OperationHints {
  /** Workflow run ids (a teardown or deploy run an operation dispatched). */
  runIds: number[];
  /** Texts that carry a correlation id: a run's `display_title` (its run-name), a deployment payload's id. */
  texts: string[];
  /** Pull request numbers (a merge step's pull request). */
  pullNumbers: number[];
}

/**
 * A running operation waiting for GitHub polls every second or two; a claimed one (being executed)
 * is due 60 s after its claim. Only operations due within this horizon are brought forward, so a
 * step a worker is executing is made due again under it only if that execution ran past 55 s —
 * longer than its GitHub calls' timeouts allow.
 */
const WAKE_HORIZON_MS = 5_000;

export function hasHints(hints: OperationHints): boolean {
  return hints.runIds.length + hints.texts.length + hints.pullNumbers.length > 0;
}

/**
 * Makes the running operations a webhook concerns due now, so the worker re-reads GitHub at once
 * instead of at its next poll. Returns how many were brought forward. The webhook is only a hint:
 * the worker still reads the truth from the API.
 */
export async function wakeOperations(
  prisma: PrismaClient,
  hints: OperationHints,
  now = new Date(),
): Promise<number> {
  if (!hasHints(hints)) return 0;
  const waiting = {
    state: "running",
    nextAttemptAt: { gt: now, lte: new Date(now.getTime() + WAKE_HORIZON_MS) },
  };
  const candidates = await prisma.operation.findMany({
    where: waiting,
    select: { id: true, correlationId: true, githubRunId: true, input: true },
  });
  const concerned = candidates.filter(
    (op) =>
      (op.githubRunId !== null && hints.runIds.includes(Number(op.githubRunId))) ||
      hints.texts.some((text) => text.includes(op.correlationId)) ||
      hints.pullNumbers.includes(pullNumberOf(op.input) ?? Number.NaN),
  );
  if (concerned.length === 0) return 0;
  // Conditional again: a worker that claimed one meanwhile moved its lease past the horizon.
  const { count } = await prisma.operation.updateMany({
    where: { id: { in: concerned.map((op) => op.id) }, ...waiting },
    data: { nextAttemptAt: now },
  });
  return count;
}

function pullNumberOf(input: unknown): number | undefined {
  if (typeof input !== "object" || input === null || !("pullNumber" in input)) return undefined;
  return typeof input.pullNumber === "number" ? input.pullNumber : undefined;
}
