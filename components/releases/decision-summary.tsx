import type { DecisionView } from "@/lib/releases/get-acceptance";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";

/** The decision once made, with the evidence it was made on. */
export function DecisionSummary({ decision, serverNow }: { decision: DecisionView; serverNow: number }) {
  const accepted = decision.decision === "accepted";
  return (
    <section
      aria-label="Decision"
      data-testid="release-decision"
      className="rounded border border-slate-200 bg-white p-4 text-sm"
    >
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge tone={accepted ? "success" : "failure"}>
          {accepted ? "Accepted" : "Rejected"}
        </StatusBadge>
        <span>
          by <strong>{decision.reviewer}</strong> ({decision.reviewerRoles.join(", ")}){" "}
          <RelativeTime iso={decision.decidedAtIso} serverNow={serverNow} />
        </span>
      </p>
      <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-y-1">
        {decision.notes ? (
          <>
            <dt className="text-slate-600">{accepted ? "Notes" : "Reason"}</dt>
            <dd>{decision.notes}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">Checklist</dt>
        <dd>
          <ul>
            {decision.checklist.map((c) => (
              <li key={c.item}>
                {c.ticked ? "☑" : "☐"} {c.item}
              </li>
            ))}
          </ul>
        </dd>
        {decision.prNumber !== null ? (
          <>
            <dt className="text-slate-600">Pull request</dt>
            <dd>
              #{decision.prNumber} at <span className="font-mono">{decision.prHeadSha?.slice(0, 7)}</span>
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600">Images in staging</dt>
        <dd>
          <ul>
            {Object.entries(decision.images).map(([service, digest]) => (
              <li key={service} className="text-xs">
                {service} <span className="font-mono">{digest.slice(0, 19)}…</span>
              </li>
            ))}
          </ul>
        </dd>
        <dt className="text-slate-600">Staging health</dt>
        <dd>{decision.healthVerdict ?? "not recorded"}</dd>
        {!accepted ? (
          <>
            <dt className="text-slate-600">Staging</dt>
            <dd>{decision.keepStaging ? "kept for investigation" : "torn down"}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
