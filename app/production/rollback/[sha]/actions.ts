"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
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
