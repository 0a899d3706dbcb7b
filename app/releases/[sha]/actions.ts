"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/guard";
import { acceptRelease } from "@/lib/releases/accept-release";
import { acceptInputFrom, rejectInputFrom } from "@/lib/releases/acceptance-input";
import type { FormActionState } from "@/lib/releases/decision-result";
import { rejectRelease } from "@/lib/releases/reject-release";

export async function acceptReleaseAction(
  _previous: FormActionState,
  form: FormData,
): Promise<FormActionState> {
  const viewer = await requirePermission("release.accept");
  const input = acceptInputFrom(form);
  const result = await acceptRelease(viewer, input);
  revalidatePath(`/releases/${input.sha}`);
  return result.ok ? { ok: true, message: result.message } : { ok: false, message: result.refusal };
}

export async function rejectReleaseAction(
  _previous: FormActionState,
  form: FormData,
): Promise<FormActionState> {
  const viewer = await requirePermission("release.reject");
  const input = rejectInputFrom(form);
  const result = await rejectRelease(viewer, input);
  revalidatePath(`/releases/${input.sha}`);
  return result.ok ? { ok: true, message: result.message } : { ok: false, message: result.refusal };
}
