import type { Operation } from "@/lib/db/generated/client";

/** The refusal a second production operation gets: which one holds production, and who started it. */
export function describeProductionLock(
  op: Pick<Operation, "kind" | "releaseSha" | "actor" | "state">,
): string {
  const what = op.kind === "rollback" ? "Rollback" : `${op.kind[0]?.toUpperCase() ?? ""}${op.kind.slice(1)}`;
  const base = `${what} to ${op.releaseSha.slice(0, 7)} started by ${op.actor}`;
  if (op.state === "needs_attention")
    return `${base} needs attention: retry it (or resolve it on GitHub) before starting another production operation.`;
  return `${base} is running.`;
}
