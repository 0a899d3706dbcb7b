import Link from "next/link";
import type { ReactNode } from "react";
import type { HistoryEntry } from "@/lib/environments/production-history";
import { formatDuration } from "@/lib/runs/run-status";
import { RelativeTime } from "@/components/ui/relative-time";
import { ShortSha } from "@/components/ui/short-sha";
import { StatusBadge } from "@/components/ui/status-badge";

export function HistoryTable({
  entries,
  commitBase,
  serverNow,
  health,
  rollbacks = {},
  canRollBack = false,
}: {
  entries: HistoryEntry[];
  commitBase: string;
  serverNow: number;
  /** The health column: a heading and what to show for each entry (streamed by the caller). */
  health?: { heading: string; cell: (entry: HistoryEntry) => ReactNode };
  /** Release Desk's record of the rollbacks it started, by the correlation id in their payload. */
  rollbacks?: Record<string, RollbackNote>;
  /** Offer "Roll back to this" on earlier successful deployments. */
  canRollBack?: boolean;
}) {
  const liveSha = entries.find((e) => e.state.label === "Live")?.sha ?? null;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Production deployments, newest first</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              Outcome
            </th>
            <th scope="col" className="px-3 py-2">
              Release
            </th>
            <th scope="col" className="px-3 py-2">
              Kind
            </th>
            <th scope="col" className="px-3 py-2">
              By
            </th>
            <th scope="col" className="px-3 py-2">
              When
            </th>
            <th scope="col" className="px-3 py-2">
              Duration
            </th>
            {health ? (
              <th scope="col" className="px-3 py-2">
                {health.heading}
              </th>
            ) : null}
            {canRollBack ? (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((e, i) => (
            <tr key={e.deploymentId} data-testid="history-row" data-sha={e.sha} data-kind={e.kind}>
              <td className="px-3 py-2 whitespace-nowrap">
                <StatusBadge tone={e.state.tone}>{e.state.label}</StatusBadge>
              </td>
              <td className="px-3 py-2">
                <ShortSha sha={e.sha} href={`${commitBase}/commit/${e.sha}`} />{" "}
                <span className="text-slate-800">{e.commit?.message ?? ""}</span>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {e.kind === "release" ? (
                  "Release"
                ) : e.kind === "unknown" ? (
                  "—"
                ) : (
                  <RollbackKind
                    entry={e}
                    note={e.payload.correlationId ? rollbacks[e.payload.correlationId] : undefined}
                    // What production ran before: the next older deployment that succeeded.
                    fallbackFrom={
                      e.kind === "automatic rollback"
                        ? (entries[i + 1]?.sha ?? null)
                        : (entries.slice(i + 1).find((o) => o.state.phase === "ready")?.sha ?? null)
                    }
                    commitBase={commitBase}
                  />
                )}
              </td>
              <td className="px-3 py-2">{e.deployedBy}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <RelativeTime iso={e.createdAtIso} serverNow={serverNow} />
              </td>
              <td className="px-3 py-2">{formatDuration(e.durationSeconds)}</td>
              {health ? <td className="px-3 py-2">{health.cell(e)}</td> : null}
              {canRollBack ? (
                <td className="px-3 py-2 whitespace-nowrap">
                  {(e.state.phase === "ready" || e.state.phase === "superseded") &&
                  e.state.label !== "Live" &&
                  e.sha !== liveSha ? (
                    <Link
                      href={`/production/rollback/${e.sha}`}
                      className="rounded border border-red-700 px-2 py-1 text-xs font-medium text-red-800 hover:bg-red-50"
                    >
                      Roll back to this<span className="sr-only"> ({e.sha.slice(0, 7)})</span>
                    </Link>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface RollbackNote {
  actor: string;
  reason: string;
  fromSha: string | null;
  incidentUrl: string | null;
}

function RollbackKind({
  entry,
  note,
  fallbackFrom,
  commitBase,
}: {
  entry: HistoryEntry;
  note: RollbackNote | undefined;
  fallbackFrom: string | null;
  commitBase: string;
}) {
  const from = note?.fromSha ?? fallbackFrom;
  return (
    <div className="space-y-1" data-testid="rollback-kind">
      <StatusBadge tone="warning">
        {entry.kind === "rollback" ? "Rollback" : "Automatic rollback"}
      </StatusBadge>
      <p className="text-xs text-slate-700">
        {from ? (
          <>
            <span className="sr-only">from </span>
            <ShortSha sha={from} href={`${commitBase}/commit/${from}`} /> <span aria-hidden>→</span>
            <span className="sr-only"> to</span>{" "}
          </>
        ) : (
          "to "
        )}
        <ShortSha sha={entry.sha} href={`${commitBase}/commit/${entry.sha}`} />
      </p>
      {note ? (
        <p className="max-w-xs text-xs text-slate-800">
          Why ({note.actor}): {note.reason}
          {note.incidentUrl ? (
            <>
              {" "}
              <a href={note.incidentUrl} className="text-blue-800 underline" rel="noreferrer">
                incident
              </a>
            </>
          ) : null}
        </p>
      ) : entry.kind === "automatic rollback" ? (
        <p className="text-xs text-slate-700">
          Why: the pipeline restored the previous release after a failed deploy.
        </p>
      ) : null}
    </div>
  );
}
