import { getConfig } from "@/lib/config/config";
import { getPrisma } from "@/lib/db/client";
import { operationStateView } from "@/lib/operations/operation-state-view";
import type { Tone } from "@/lib/ui-tone";

export interface DecisionView {
  decision: "accepted" | "rejected";
  reviewer: string;
  reviewerRoles: string[];
  decidedAtIso: string;
  checklist: { item: string; ticked: boolean }[];
  notes: string | null;
  prHeadSha: string | null;
  prNumber: number | null;
  images: Record<string, string>;
  /** The staging verdict the reviewer saw ("Healthy", "Not configured", …), if it was read. */
  healthVerdict: string | null;
  keepStaging: boolean;
}

export interface OperationStepView {
  id: string;
  kind: string;
  title: string;
  state: string;
  stateLabel: string;
  tone: Tone;
  attempts: number;
  lastError: string | null;
  runId: string | null;
  runUrl: string | null;
  /** Why a pending step has not started: the step it waits for. */
  waitingFor: string | null;
}

export interface AcceptanceView {
  checklist: string[];
  fourEyes: boolean;
  decision: DecisionView | null;
  steps: OperationStepView[];
  /** Something is still happening: the page refreshes itself. */
  active: boolean;
}

const TITLES: Record<string, string> = {
  merge: "Merge the pull request",
  teardown: "Tear staging down",
};

/** The acceptance section of a release page: the checklist, the decision and its steps. */
export async function getAcceptance(sha: string): Promise<AcceptanceView> {
  const { checklist, fourEyes } = getConfig().acceptance;
  const prisma = await getPrisma();
  const [decision, operations] = await Promise.all([
    prisma.releaseDecision.findUnique({ where: { sha } }),
    // A rollback to this SHA is production's business, not a step of this release's acceptance.
    prisma.operation.findMany({
      where: { releaseSha: sha, kind: { in: ["merge", "teardown"] } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const byId = new Map(operations.map((op) => [op.id, op]));
  const steps = operations.map((op): OperationStepView => {
    const dependency = op.dependsOn ? byId.get(op.dependsOn) : undefined;
    const state = operationStateView(op.state);
    return {
      id: op.id,
      kind: op.kind,
      title: TITLES[op.kind] ?? op.kind,
      state: op.state,
      stateLabel: state.label,
      tone: state.tone,
      attempts: op.attempts,
      lastError: op.lastError,
      runId: op.githubRunId === null ? null : op.githubRunId.toString(),
      runUrl: op.githubRunUrl,
      waitingFor:
        op.state === "pending" && dependency && dependency.state !== "succeeded"
          ? (TITLES[dependency.kind] ?? dependency.kind).toLowerCase()
          : null,
    };
  });
  return {
    checklist,
    fourEyes,
    decision: decision
      ? {
          decision: decision.decision === "accepted" ? "accepted" : "rejected",
          reviewer: decision.reviewer,
          reviewerRoles: decision.reviewerRoles,
          decidedAtIso: decision.decidedAt.toISOString(),
          checklist: asChecklist(decision.checklist),
          notes: decision.notes,
          prHeadSha: decision.prHeadSha,
          prNumber: decision.prNumber,
          images: asImages(decision.images),
          healthVerdict: verdictOf(decision.healthSnapshot),
          keepStaging: decision.keepStaging,
        }
      : null,
    steps,
    active: steps.some((s) => (s.state === "pending" && !s.waitingFor) || s.state === "running"),
  };
}

function asChecklist(value: unknown): { item: string; ticked: boolean }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const e = entry as { item?: unknown; ticked?: unknown } | null;
    return typeof e?.item === "string" ? [{ item: e.item, ticked: e.ticked === true }] : [];
  });
}

function asImages(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === "string",
    ),
  );
}

function verdictOf(snapshot: unknown): string | null {
  const verdict = (snapshot as { verdict?: { label?: unknown } } | null)?.verdict;
  return typeof verdict?.label === "string" ? verdict.label : null;
}
