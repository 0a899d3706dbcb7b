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
}: {
  entries: HistoryEntry[];
  commitBase: string;
  serverNow: number;
  /** The health column: a heading and what to show for each entry (streamed by the caller). */
  health?: { heading: string; cell: (entry: HistoryEntry) => ReactNode };
}) {
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
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((e) => (
            <tr key={e.deploymentId} data-testid="history-row" data-sha={e.sha}>
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
                  <StatusBadge tone="warning">
                    {e.kind === "rollback" ? "Rollback" : "Automatic rollback"}
                  </StatusBadge>
                )}
              </td>
              <td className="px-3 py-2">{e.deployedBy}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <RelativeTime iso={e.createdAtIso} serverNow={serverNow} />
              </td>
              <td className="px-3 py-2">{formatDuration(e.durationSeconds)}</td>
              {health ? <td className="px-3 py-2">{health.cell(e)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
