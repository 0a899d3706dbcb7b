import type { FormActionState } from "@/lib/releases/decision-result";
import type { AcceptanceView } from "@/lib/releases/get-acceptance";
import type { ReleaseView } from "@/lib/releases/get-release";
import { StatusBadge } from "@/components/ui/status-badge";
import { AcceptanceForm } from "./acceptance-form";
import { DecisionSummary } from "./decision-summary";
import { OperationSteps } from "./operation-steps";
import { RefreshWhileActive } from "./refresh-while-active";

type Action = (previous: FormActionState, form: FormData) => Promise<FormActionState>;

export function AcceptanceSection({
  sha,
  acceptance,
  isCurrentCandidate,
  production,
  actions,
  serverNow,
}: {
  sha: string;
  acceptance: AcceptanceView;
  isCurrentCandidate: boolean;
  production: ReleaseView["production"];
  actions: { accept: Action | null; reject: Action | null; retry: Action | null; giveUp: Action | null };
  serverNow: number;
}) {
  if (acceptance.decision) {
    return (
      <div className="space-y-3">
        <RefreshWhileActive
          active={acceptance.active || followingProduction(acceptance, production, serverNow)}
        />
        <DecisionSummary decision={acceptance.decision} serverNow={serverNow} />
        <OperationSteps steps={acceptance.steps} retryAction={actions.retry} giveUpAction={actions.giveUp} />
        {acceptance.decision.decision === "accepted" ? <ProductionDeploy production={production} /> : null}
      </div>
    );
  }
  if (!isCurrentCandidate) {
    return <p className="text-sm text-slate-600">Only the release in staging can be accepted or rejected.</p>;
  }
  if (!actions.accept && !actions.reject) {
    return <p className="text-sm text-slate-600">Waiting for QA to accept or reject this release.</p>;
  }
  return (
    <AcceptanceForm
      sha={sha}
      checklist={acceptance.checklist}
      fourEyes={acceptance.fourEyes}
      acceptAction={actions.accept}
      rejectAction={actions.reject}
    />
  );
}

/** Not a step of ours: the merge triggers it, and the page follows it. */
function ProductionDeploy({ production }: { production: ReleaseView["production"] }) {
  return (
    <p data-testid="release-production" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium">Production deploy</span>
      {production ? (
        <>
          <StatusBadge tone={production.state.tone}>{production.state.label}</StatusBadge>
          <span className="font-mono text-xs">{production.sha.slice(0, 7)}</span>
          {production.runUrl ? (
            <a href={production.runUrl} className="text-blue-800 underline">
              Deploy run
            </a>
          ) : null}
        </>
      ) : (
        <span className="text-slate-600">not started yet</span>
      )}
    </p>
  );
}

const FOLLOW_PRODUCTION_MS = 2 * 60 * 60_000;

/** After an acceptance, keep refreshing until production runs the release (for a while at most). */
function followingProduction(
  acceptance: AcceptanceView,
  production: ReleaseView["production"],
  serverNow: number,
): boolean {
  const decision = acceptance.decision;
  if (decision?.decision !== "accepted") return false;
  if (serverNow - Date.parse(decision.decidedAtIso) > FOLLOW_PRODUCTION_MS) return false;
  return !production || production.state.phase === "deploying" || production.state.phase === "unknown";
}
