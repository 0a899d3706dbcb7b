"use client";

import { useActionState } from "react";
import type { FormActionState } from "@/lib/releases/decision-result";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

export function RetryStepButton({
  operationId,
  title,
  action,
}: {
  operationId: string;
  title: string;
  action: (previous: FormActionState, form: FormData) => Promise<FormActionState>;
}) {
  const [state, retry] = useActionState(action, null);
  return (
    <form action={retry} aria-label={`Retry: ${title}`} className="mt-2">
      <input type="hidden" name="operationId" value={operationId} />
      <SubmitButton label="Retry" pendingLabel="Retrying…" tone="primary" />
      <FormMessage state={state} />
    </form>
  );
}
