import { randomUUID } from "node:crypto";
import { authorize, requestId as newRequestId } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getConfig } from "@/lib/config/config";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { readEnvironmentHealth } from "@/lib/health/read-environment-health";
import { kickOperations } from "@/lib/operations/operations-worker";
import { acceptInputSchema, rejectInputSchema, type AcceptInput, type RejectInput } from "./acceptance-input";
import { DecisionRefused, type DecisionResult } from "./decision-result";
import { describeExistingDecision } from "./describe-existing-decision";
import { readCandidateFacts, type CandidateFacts } from "./read-candidate-facts";

export interface DecideOptions {
  /** Start the worker at once (the app); tests drive the worker themselves. Default true. */
  kick?: boolean;
}

type DecisionRequest = { kind: "accepted"; input: AcceptInput } | { kind: "rejected"; input: RejectInput };

const STAGING_HEALTH_WINDOW_MINUTES = 60;

/**
 * Accepts or rejects a release. Every check runs before anything is written; a failed check is
 * audited as `refused` and changes nothing else. The decision, its operations and its audit event
 * are one transaction, and the unique SHA makes a concurrent second decision fail there.
 */
export async function decideRelease(
  viewer: Viewer | null,
  request: DecisionRequest,
  options: DecideOptions = {},
): Promise<DecisionResult> {
  // Before any read: an unauthorised caller causes no GitHub call and no row, not even an audit one.
  const reviewer = authorize(viewer, request.kind === "accepted" ? "release.accept" : "release.reject");
  const action = request.kind === "accepted" ? "release.accept" : "release.reject";
  const requestId = newRequestId();
  const parsed =
    request.kind === "accepted"
      ? acceptInputSchema.safeParse(request.input)
      : rejectInputSchema.safeParse(request.input);
  const refuse = async (sha: string, reason: string): Promise<DecisionResult> => {
    await recordAuditEvent({
      actor: reviewer.login,
      actorRoles: reviewer.roles,
      action,
      targetType: "release",
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
    // Only a well-formed SHA names a release worth an audit entry; anything else is just bad input.
    const sha = request.input.sha;
    return /^[0-9a-f]{40}$/.test(sha) ? refuse(sha, reason) : { ok: false, refusal: reason };
  }
  const sha = parsed.data.sha;

  try {
    const prisma = await getPrisma();
    const existing = await prisma.releaseDecision.findUnique({ where: { sha } });
    if (existing) throw new DecisionRefused(describeExistingDecision(existing));

    const config = getConfig();
    const checklist = config.acceptance.checklist;
    const ticked = new Set(parsed.data.checklist);
    if (request.kind === "accepted") {
      const missing = checklist.filter((item) => !ticked.has(item));
      if (missing.length > 0) {
        throw new DecisionRefused(
          `Tick every checklist item before accepting. Not ticked: ${missing.join("; ")}.`,
        );
      }
    }

    const facts = await readCandidateFacts(sha, {
      withAuthors: request.kind === "accepted" && config.acceptance.fourEyes,
    });
    checkFacts(sha, facts, request.kind, reviewer.login, config.acceptance.fourEyes);
    const health = request.kind === "accepted" ? await healthSnapshot() : null;

    const keepStaging = "keepStaging" in parsed.data ? parsed.data.keepStaging : false;
    const notes = "notes" in parsed.data ? parsed.data.notes : parsed.data.reason;
    const decision = await prisma.$transaction(async (tx) => {
      const created = await tx.releaseDecision.create({
        data: {
          sha,
          decision: request.kind,
          reviewer: reviewer.login,
          reviewerRoles: [...reviewer.roles],
          checklist: checklist.map((item) => ({ item, ticked: ticked.has(item) })),
          notes: notes === "" ? null : notes,
          prHeadSha: facts.pull?.headSha ?? null,
          prNumber: facts.pull?.number ?? null,
          images: facts.images,
          ...(health === null ? {} : { healthSnapshot: health }),
          keepStaging,
        },
      });
      const operations = await writeOperations(tx, {
        sha,
        actor: reviewer.login,
        accepted: request.kind === "accepted",
        keepStaging,
        pull: facts.pull,
        namespace: facts.namespace,
      });
      await recordAuditEvent(
        {
          actor: reviewer.login,
          actorRoles: reviewer.roles,
          action,
          targetType: "release",
          targetId: sha,
          sha,
          outcome: "recorded",
          reason: request.kind === "rejected" ? notes : null,
          requestId,
          details: { decisionId: created.id, keepStaging, operations },
        },
        tx,
      );
      return created;
    });
    if (options.kick ?? true) kickOperations();
    const verb = request.kind === "accepted" ? "Accepted" : "Rejected";
    return { ok: true, decisionId: decision.id, message: `${verb} ${sha.slice(0, 7)}.` };
  } catch (error) {
    if (error instanceof DecisionRefused) return refuse(sha, error.message);
    if (isUniqueViolation(error)) {
      // Someone decided between our check and our insert: tell this person who it was.
      const prisma = await getPrisma();
      const winner = await prisma.releaseDecision.findUnique({ where: { sha } });
      return refuse(sha, winner ? describeExistingDecision(winner) : "This release was decided meanwhile.");
    }
    throw error;
  }
}

function checkFacts(
  sha: string,
  facts: CandidateFacts,
  kind: DecisionRequest["kind"],
  login: string,
  fourEyes: boolean,
): void {
  if (facts.stagingSha !== sha) {
    throw new DecisionRefused(
      `${sha.slice(0, 7)} is not the release in staging now (staging runs ${facts.stagingSha?.slice(0, 7) ?? "nothing"}).`,
    );
  }
  if (kind === "rejected") return;
  if (facts.stagingState !== "success") {
    throw new DecisionRefused(
      `The staging deployment of ${sha.slice(0, 7)} has not succeeded (its state is ${facts.stagingState ?? "unknown"}).`,
    );
  }
  if (facts.pull && facts.pull.headSha !== sha) {
    throw new DecisionRefused(
      `Testing moved on since staging was deployed: pull request #${facts.pull.number} now ends at ${facts.pull.headSha.slice(0, 7)}.`,
    );
  }
  // No pull request open: the merge step opens one from the branch, which must still end at the release.
  if (!facts.pull && facts.branchHeadSha !== sha) {
    throw new DecisionRefused(
      `Testing moved on since staging was deployed: the branch now ends at ${facts.branchHeadSha?.slice(0, 7) ?? "nothing"}.`,
    );
  }
  if (fourEyes) {
    const own = facts.authors.filter((a) => a.login?.toLowerCase() === login.toLowerCase());
    if (own.length > 0) {
      throw new DecisionRefused(
        `Four-eyes rule: you authored ${own.map((a) => a.sha.slice(0, 7)).join(", ")} in this release, so someone else must accept it.`,
      );
    }
  }
}

async function writeOperations(
  tx: Prisma.TransactionClient,
  plan: {
    sha: string;
    actor: string;
    accepted: boolean;
    keepStaging: boolean;
    pull: CandidateFacts["pull"];
    namespace: string | null;
  },
): Promise<string[]> {
  const ids: string[] = [];
  let mergeId: string | null = null;
  if (plan.accepted) {
    // Without an open pull request (`pullNumber: null`) the merge step opens one first.
    const merge = await tx.operation.create({
      data: {
        kind: "merge",
        releaseSha: plan.sha,
        actor: plan.actor,
        correlationId: randomUUID(),
        input: { pullNumber: plan.pull?.number ?? null, headSha: plan.pull?.headSha ?? plan.sha },
      },
    });
    mergeId = merge.id;
    ids.push(merge.id);
  }
  // Teardown waits for the merge, so a blocked merge leaves staging up for another look.
  if (plan.accepted || !plan.keepStaging) {
    const teardown = await tx.operation.create({
      data: {
        kind: "teardown",
        releaseSha: plan.sha,
        actor: plan.actor,
        correlationId: randomUUID(),
        input: { namespace: plan.namespace ?? `staging-${plan.sha.slice(0, 7)}` },
        dependsOn: mergeId,
      },
    });
    ids.push(teardown.id);
  }
  return ids;
}

/** Staging health as the reviewer saw it; a failure to read it does not block the decision. */
async function healthSnapshot(): Promise<Prisma.InputJsonValue | null> {
  try {
    const view = await readEnvironmentHealth("staging", STAGING_HEALTH_WINDOW_MINUTES);
    return JSON.parse(JSON.stringify(view)) as Prisma.InputJsonValue;
  } catch {
    return null;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
