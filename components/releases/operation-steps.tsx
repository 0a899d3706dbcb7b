import type { FormActionState } from "@/lib/releases/decision-result";
import type { OperationStepView } from "@/lib/releases/get-acceptance";
import { StatusBadge } from "@/components/ui/status-badge";
import { GiveUpStepForm } from "./give-up-step-form";
import { RetryStepButton } from "./retry-step-button";

/** The steps a decision set off, in order, each with its state in words. */
export function OperationSteps({
  steps,
  retryAction,
  giveUpAction,
}: {
  steps: OperationStepView[];
  retryAction: ((previous: FormActionState, form: FormData) => Promise<FormActionState>) | null;
  giveUpAction: ((previous: FormActionState, form: FormData) => Promise<FormActionState>) | null;
}) {
  if (steps.length === 0) return <p className="text-sm text-slate-600">No steps follow this decision.</p>;
  return (
    <ol aria-label="Steps" className="space-y-2">
      {steps.map((step, index) => (
        <li
          key={step.id}
          data-testid={`step-${step.kind}`}
          className="rounded border border-slate-200 bg-white p-3 text-sm"
        >
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">
              {index + 1}. {step.title}
            </span>
            <StatusBadge tone={step.tone}>{step.stateLabel}</StatusBadge>
            {step.waitingFor ? <span className="text-slate-600">waiting for: {step.waitingFor}</span> : null}
            <span className="text-slate-600">
              {step.attempts} {step.attempts === 1 ? "attempt" : "attempts"}
            </span>
            {step.runUrl ? (
              <a href={step.runUrl} className="text-blue-800 underline">
                Run {step.runId}
              </a>
            ) : null}
          </p>
          {step.lastError ? <p className="mt-1 text-red-900">Last error: {step.lastError}</p> : null}
          {step.state === "needs_attention" && retryAction ? (
            <RetryStepButton operationId={step.id} title={step.title} action={retryAction} />
          ) : null}
          {step.state === "needs_attention" && giveUpAction ? (
            <GiveUpStepForm operationId={step.id} title={step.title} action={giveUpAction} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}
