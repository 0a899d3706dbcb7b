"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/guard";
import { giveUpOperation } from "@/lib/operations/give-up-operation";
import { retryOperation } from "@/lib/operations/retry-operation";
import type { StepActionResult } from "@/lib/operations/step-action-result";
import { text } from "@/lib/releases/acceptance-input";
import type { FormActionState } from "@/lib/releases/decision-result";

/**
 * Retry and Give up for any step that needs attention, wherever it is shown (a release's steps, a
 * rollback). The page to refresh follows from the operation itself, not from the form.
 */
export async function retryStepAction(_previous: FormActionState, form: FormData): Promise<FormActionState> {
  const viewer = await requirePermission("operations.retry");
  return answer(await retryOperation(viewer, text(form, "operationId")));
}

export async function giveUpStepAction(_previous: FormActionState, form: FormData): Promise<FormActionState> {
  const viewer = await requirePermission("operations.retry");
  return answer(
    await giveUpOperation(viewer, { operationId: text(form, "operationId"), reason: text(form, "reason") }),
  );
}

function answer(result: StepActionResult): FormActionState {
  const op = result.operation;
  if (op) {
    revalidatePath(
      op.kind === "rollback" ? `/production/rollback/${op.releaseSha}` : `/releases/${op.releaseSha}`,
    );
  }
  return result.ok ? { ok: true, message: result.message } : { ok: false, message: result.refusal };
}
