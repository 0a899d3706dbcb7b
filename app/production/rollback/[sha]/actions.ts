"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { giveUpOperation } from "@/lib/operations/give-up-operation";
import { retryOperation } from "@/lib/operations/retry-operation";
import { text } from "@/lib/releases/acceptance-input";
import type { FormActionState } from "@/lib/releases/decision-result";
import { requestRollback } from "@/lib/releases/request-rollback";
import { rollbackRequestFrom } from "@/lib/releases/rollback-request-input";

export async function requestRollbackAction(
  _previous: FormActionState,
  form: FormData,
): Promise<FormActionState> {
  const viewer = await requirePermission("production.rollback");
  const input = rollbackRequestFrom(form);
  const result = await requestRollback(viewer, input);
  if (!result.ok) return { ok: false, message: result.refusal };
  revalidatePath("/production");
  // The page then follows the operation it started (and refreshes itself while it runs).
  redirect(`/production/rollback/${input.sha}?operation=${result.operationId}`);
}

export async function retryRollbackAction(
  _previous: FormActionState,
  form: FormData,
): Promise<FormActionState> {
  const viewer = await requirePermission("operations.retry");
  const result = await retryOperation(viewer, text(form, "operationId"));
  revalidatePath(`/production/rollback/${text(form, "sha")}`);
  return result.ok ? { ok: true, message: "Retrying." } : { ok: false, message: result.refusal };
}

export async function giveUpRollbackAction(
  _previous: FormActionState,
  form: FormData,
): Promise<FormActionState> {
  const viewer = await requirePermission("operations.retry");
  const result = await giveUpOperation(viewer, {
    operationId: text(form, "operationId"),
    reason: text(form, "reason"),
  });
  revalidatePath(`/production/rollback/${text(form, "sha")}`);
  return result.ok ? { ok: true, message: result.message } : { ok: false, message: result.refusal };
}
