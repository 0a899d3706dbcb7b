"use client";

import { useActionState } from "react";
import type { FormActionState } from "@/lib/releases/decision-result";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

type Action = (previous: FormActionState, form: FormData) => Promise<FormActionState>;

/** The checklist and notes with Accept, and a separate Reject form whose reason is required. */
export function AcceptanceForm({
  sha,
  checklist,
  fourEyes,
  acceptAction,
  rejectAction,
}: {
  sha: string;
  checklist: string[];
  fourEyes: boolean;
  acceptAction: Action | null;
  rejectAction: Action | null;
}) {
  const [acceptState, accept] = useActionState(acceptAction ?? noop, null);
  const [rejectState, reject] = useActionState(rejectAction ?? noop, null);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {acceptAction ? (
        <form
          action={accept}
          className="rounded border border-slate-200 bg-white p-4"
          aria-label="Accept the release"
        >
          <input type="hidden" name="sha" value={sha} />
          <fieldset>
            <legend className="mb-2 font-semibold">Acceptance checklist</legend>
            <ul className="space-y-1 text-sm">
              {checklist.map((item) => (
                <li key={item}>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name="checklist" value={item} />
                    {item}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <label className="mt-3 block text-sm">
            <span className="font-medium">Notes (optional)</span>
            <textarea
              name="notes"
              rows={2}
              className="mt-1 block w-full rounded border border-slate-300 p-2"
            />
          </label>
          {fourEyes ? (
            <p className="mt-2 text-xs text-slate-600">
              Someone who authored a commit of this release cannot accept it.
            </p>
          ) : null}
          <div className="mt-3">
            <SubmitButton label="Accept release" pendingLabel="Accepting…" tone="primary" />
          </div>
          <FormMessage state={acceptState} />
        </form>
      ) : null}
      {rejectAction ? (
        <form
          action={reject}
          className="rounded border border-slate-200 bg-white p-4"
          aria-label="Reject the release"
        >
          <input type="hidden" name="sha" value={sha} />
          <label className="block text-sm">
            <span className="font-medium">Reason for rejecting (required)</span>
            <textarea
              name="reason"
              rows={3}
              required
              className="mt-1 block w-full rounded border border-slate-300 p-2"
            />
          </label>
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input type="checkbox" name="keepStaging" />
            Keep staging for investigation
          </label>
          <div className="mt-3">
            <SubmitButton label="Reject release" pendingLabel="Rejecting…" tone="danger" />
          </div>
          <FormMessage state={rejectState} />
        </form>
      ) : null}
    </div>
  );
}

function noop(): Promise<FormActionState> {
  return Promise.resolve(null);
}
