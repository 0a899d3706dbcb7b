"use client";

import { useActionState, useId } from "react";
import type { FormActionState } from "@/lib/releases/decision-result";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

/**
 * For a step that needs attention and will be handled by hand on GitHub: ends it (and the steps
 * waiting for it) with a reason, instead of Retry. Folded away, so Retry stays the obvious choice.
 */
export function GiveUpStepForm({
  operationId,
  title,
  action,
}: {
  operationId: string;
  title: string;
  action: (previous: FormActionState, form: FormData) => Promise<FormActionState>;
}) {
  const [state, giveUp] = useActionState(action, null);
  const reasonId = useId();
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-slate-700 underline">Give up this step instead…</summary>
      <form action={giveUp} aria-label={`Give up: ${title}`} className="mt-2 space-y-2">
        <input type="hidden" name="operationId" value={operationId} />
        <label htmlFor={reasonId} className="block">
          Why give up? (required; it goes in the audit log)
        </label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          required
          maxLength={500}
          className="block w-full rounded border border-slate-300 p-2"
        />
        <p className="text-slate-600">
          The step ends as failed and is not tried again; steps waiting for it do not run.
        </p>
        <SubmitButton label="Give up" pendingLabel="Giving up…" tone="danger" />
        <FormMessage state={state} />
      </form>
    </details>
  );
}
