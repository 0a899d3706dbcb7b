import type { FormActionState } from "@/lib/releases/decision-result";
import type { RollbackOperationView } from "@/lib/releases/get-rollback-operations";
import { RefreshWhileActive } from "@/components/releases/refresh-while-active";
import { GiveUpStepForm } from "@/components/releases/give-up-step-form";
import { RetryStepButton } from "@/components/releases/retry-step-button";
import { ShortSha } from "@/components/ui/short-sha";
import { StatusBadge } from "@/components/ui/status-badge";

/** A rollback that was started: its state in words, its run, and Retry when it needs attention. */
export function RollbackProgress({
  op,
  commitBase,
  retryAction,
  giveUpAction,
}: {
  op: RollbackOperationView;
  commitBase: string;
  retryAction: ((previous: FormActionState, form: FormData) => Promise<FormActionState>) | null;
  giveUpAction: ((previous: FormActionState, form: FormData) => Promise<FormActionState>) | null;
}) {
  return (
    <section
      aria-labelledby="rollback-progress-heading"
      data-testid="rollback-progress"
      className="mb-6 rounded border border-slate-200 bg-white p-4 text-sm"
    >
      <RefreshWhileActive active={op.active} />
      <h2 id="rollback-progress-heading" className="mb-2 text-lg font-semibold">
        Rollback to {op.targetSha.slice(0, 7)}
      </h2>
      <p className="flex flex-wrap items-center gap-2" aria-live="polite">
        <StatusBadge tone={op.tone}>{op.stateLabel}</StatusBadge>
        <span className="text-slate-700">
          started by {op.actor}
          {op.fromSha ? (
            <>
              {" "}
              from <ShortSha sha={op.fromSha} href={`${commitBase}/commit/${op.fromSha}`} />
            </>
          ) : null}
          , {op.attempts} {op.attempts === 1 ? "attempt" : "attempts"}
        </span>
        {op.runUrl ? (
          <a href={op.runUrl} className="text-blue-800 underline">
            Run {op.runId}
          </a>
        ) : null}
      </p>
      <p className="mt-2">Reason: {op.reason}</p>
      {op.incidentUrl ? (
        <p className="mt-1">
          Incident:{" "}
          <a href={op.incidentUrl} className="text-blue-800 underline" rel="noreferrer">
            {op.incidentUrl}
          </a>
        </p>
      ) : null}
      {op.state === "succeeded" ? (
        <p className="mt-2 font-medium text-green-900">
          Production runs {op.targetSha.slice(0, 7)} again.{" "}
          <a href="/production" className="text-blue-800 underline">
            See the deployment history
          </a>
        </p>
      ) : op.active ? (
        <p className="mt-2 text-slate-700">
          Deploying {op.targetSha.slice(0, 7)} to production; this page updates by itself.
        </p>
      ) : null}
      {op.lastError ? <p className="mt-1 text-red-900">Last error: {op.lastError}</p> : null}
      {op.state === "needs_attention" && retryAction ? (
        <RetryStepButton operationId={op.id} title="rollback" action={retryAction} />
      ) : null}
      {op.state === "needs_attention" && giveUpAction ? (
        <GiveUpStepForm operationId={op.id} title="rollback" action={giveUpAction} />
      ) : null}
    </section>
  );
}
