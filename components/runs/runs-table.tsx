import Link from "next/link";
import { formatDuration } from "@/lib/runs/run-status";
import type { RunRow } from "@/lib/runs/run-row";
import { RelativeTime } from "@/components/ui/relative-time";
import { ShortSha } from "@/components/ui/short-sha";
import { StatusBadge } from "@/components/ui/status-badge";

export function RunsTable({
  rows,
  serverNow,
  caption,
}: {
  rows: RunRow[];
  serverNow: number;
  caption: string;
}) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Run
            </th>
            <th scope="col" className="px-3 py-2">
              Branch
            </th>
            <th scope="col" className="px-3 py-2">
              Event
            </th>
            <th scope="col" className="px-3 py-2">
              Actor
            </th>
            <th scope="col" className="px-3 py-2">
              Commit
            </th>
            <th scope="col" className="px-3 py-2">
              Started
            </th>
            <th scope="col" className="px-3 py-2">
              Duration
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((run) => (
            <tr key={run.id} data-testid="run-row" data-run-id={run.id}>
              <td className="px-3 py-2 whitespace-nowrap">
                <StatusBadge tone={run.status.tone}>{run.status.label}</StatusBadge>
              </td>
              <td className="px-3 py-2">
                <Link
                  href={`/runs/${run.id}`}
                  className="font-medium text-slate-900 underline-offset-2 hover:underline"
                >
                  {run.title}
                </Link>
                <div className="text-xs text-slate-600">
                  {run.workflow} ·{" "}
                  <a href={run.htmlUrl} className="text-blue-800 underline">
                    on GitHub<span className="sr-only"> (run {run.id})</span>
                  </a>
                </div>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{run.branch ?? "—"}</td>
              <td className="px-3 py-2">{run.event}</td>
              <td className="px-3 py-2">{run.actor ?? "—"}</td>
              <td className="px-3 py-2">
                <ShortSha sha={run.sha} href={run.commitUrl} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {run.startedAt ? <RelativeTime iso={run.startedAt} serverNow={serverNow} /> : "—"}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {run.durationSeconds === null && run.rawStatus !== "completed"
                  ? "running"
                  : formatDuration(run.durationSeconds)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
