import Link from "next/link";
import type { AuditRow } from "@/lib/audit/list-audit-events";
import type { Tone } from "@/lib/ui-tone";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";

const OUTCOME_TONES: Record<string, Tone> = {
  succeeded: "success",
  failed: "failure",
  refused: "warning",
  started: "running",
  recorded: "neutral",
};

function ReleaseLink({ sha }: { sha: string }) {
  return (
    <Link
      href={`/releases/${sha}`}
      title={sha}
      className="font-mono text-blue-800 underline decoration-dotted"
    >
      {sha.slice(0, 7)}
    </Link>
  );
}

function Target({ row }: { row: AuditRow }) {
  if (row.targetType === "release" && /^[0-9a-f]{40}$/.test(row.targetId)) {
    return (
      <>
        release <ReleaseLink sha={row.targetId} />
      </>
    );
  }
  return (
    <>
      {row.targetType}{" "}
      <span className="font-mono" title={row.targetId}>
        {row.targetType === "operation" ? row.targetId.slice(0, 8) : row.targetId}
      </span>
      {row.sha ? (
        <span className="block text-xs text-slate-600">
          release <ReleaseLink sha={row.sha} />
        </span>
      ) : null}
    </>
  );
}

export function AuditTable({ rows, serverNow }: { rows: AuditRow[]; serverNow: number }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="audit-table">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="bg-slate-50 text-xs text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              Time
            </th>
            <th scope="col" className="px-3 py-2">
              Actor (roles then)
            </th>
            <th scope="col" className="px-3 py-2">
              Action
            </th>
            <th scope="col" className="px-3 py-2">
              Target
            </th>
            <th scope="col" className="px-3 py-2">
              Outcome
            </th>
            <th scope="col" className="px-3 py-2">
              Reason
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2 whitespace-nowrap">
                <RelativeTime iso={row.occurredAtIso} serverNow={serverNow} />
              </td>
              <td className="px-3 py-2">
                {row.actor}
                <span className="block text-xs text-slate-600">
                  {row.actorRoles.join(", ") || "no roles"}
                </span>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{row.action}</td>
              <td className="px-3 py-2">
                <Target row={row} />
              </td>
              <td className="px-3 py-2">
                <StatusBadge tone={OUTCOME_TONES[row.outcome] ?? "neutral"}>{row.outcome}</StatusBadge>
              </td>
              <td className="max-w-md px-3 py-2 break-words whitespace-pre-line">{row.reason ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
