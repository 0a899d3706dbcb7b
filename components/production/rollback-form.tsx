"use client";

import { useActionState } from "react";
import type { FormActionState } from "@/lib/releases/decision-result";
import { FormMessage } from "@/components/releases/form-message";
import { SubmitButton } from "@/components/releases/submit-button";

type Action = (previous: FormActionState, form: FormData) => Promise<FormActionState>;

/** The reason (required) and incident link (optional) a lead gives before production is rolled back. */
export function RollbackForm({ sha, action }: { sha: string; action: Action }) {
  const [state, submit] = useActionState(action, null);
  return (
    <form
      action={submit}
      aria-label="Confirm the rollback"
      className="rounded border border-slate-200 bg-white p-4"
    >
      <input type="hidden" name="sha" value={sha} />
      <label className="block text-sm">
        <span className="font-medium">Reason for rolling back (required)</span>
        <textarea
          name="reason"
          rows={3}
          required
          maxLength={2000}
          aria-describedby="rollback-reason-help"
          className="mt-1 block w-full rounded border border-slate-300 p-2"
        />
      </label>
      <p id="rollback-reason-help" className="mt-1 text-xs text-slate-600">
        Recorded in the audit log and shown in the deployment history.
      </p>
      <label className="mt-3 block text-sm">
        <span className="font-medium">Incident link (optional)</span>
        <input
          type="url"
          name="incidentUrl"
          placeholder="https://"
          className="mt-1 block w-full rounded border border-slate-300 p-2"
        />
      </label>
      <div className="mt-3">
        <SubmitButton
          label={`Roll back to ${sha.slice(0, 7)}`}
          pendingLabel="Starting rollback…"
          tone="danger"
        />
      </div>
      <FormMessage state={state} />
    </form>
  );
}
