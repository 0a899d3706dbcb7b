import type { ReactNode } from "react";
import type { EnvironmentCard as Card } from "@/lib/environments/environment-overview";
import { RelativeTime } from "@/components/ui/relative-time";
import { ShortSha } from "@/components/ui/short-sha";
import { StatusBadge } from "@/components/ui/status-badge";

export function EnvironmentCard({
  title,
  card,
  commitBase,
  serverNow,
  children,
}: {
  title: string;
  card: Card | null;
  commitBase: string;
  serverNow: number;
  children?: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${title}-heading`}
      className="rounded border border-slate-200 bg-white p-4"
      data-testid={`env-${title.toLowerCase()}`}
    >
      <h2 id={`${title}-heading`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {!card ? (
        <p className="text-sm text-slate-600">No deployment to {title.toLowerCase()} yet.</p>
      ) : (
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-slate-600">State</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <StatusBadge tone={card.state.tone}>{card.state.label}</StatusBadge>
            {card.state.sinceIso ? (
              <span className="text-slate-600">
                since <RelativeTime iso={card.state.sinceIso} serverNow={serverNow} />
              </span>
            ) : null}
          </dd>
          <dt className="text-slate-600">Release</dt>
          <dd>
            <ShortSha sha={card.sha} href={`${commitBase}/commit/${card.sha}`} />{" "}
            <span className="text-slate-800">{card.commit?.message ?? ""}</span>
          </dd>
          {card.payload.namespace ? (
            <>
              <dt className="text-slate-600">Namespace</dt>
              <dd className="font-mono text-xs">{card.payload.namespace}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">Deployed</dt>
          <dd>
            <RelativeTime iso={card.createdAtIso} serverNow={serverNow} /> by {card.deployedBy}
            {card.payload.reason ? (
              <>
                {" "}
                via{" "}
                {card.payload.reason === "rollback" ? (
                  <StatusBadge tone="warning">
                    {card.payload.autoRollback ? "automatic rollback" : "rollback"}
                  </StatusBadge>
                ) : (
                  "merge (release)"
                )}
              </>
            ) : null}
          </dd>
          {children}
        </dl>
      )}
    </section>
  );
}
