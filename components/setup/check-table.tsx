import type { ReadinessCheck } from "@/lib/readiness/check";
import { checkStatusView } from "@/lib/readiness/status-view";
import { StatusBadge } from "@/components/ui/status-badge";
import { InlineCode } from "./inline-code";

/** One row per check: status in words (and colour), what was found, and what to change. */
export function CheckTable({ caption, checks }: { caption: string; checks: readonly ReadinessCheck[] }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full min-w-[44rem] table-fixed text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="w-1/4 px-3 py-2">
              Check
            </th>
            <th scope="col" className="w-28 px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Details
            </th>
            <th scope="col" className="w-1/3 px-3 py-2">
              How to fix
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {checks.map((check) => {
            const status = checkStatusView(check);
            return (
              <tr
                key={check.id}
                id={check.id}
                data-testid="check-row"
                data-check-id={check.id}
                data-status={check.status}
                className="scroll-mt-4 align-top target:bg-amber-50"
              >
                <th scope="row" className="px-3 py-2 font-medium text-slate-900">
                  <InlineCode text={check.title} />
                  {check.level === "advisory" ? (
                    <span className="ml-1 text-xs font-normal text-slate-600">(recommended)</span>
                  ) : null}
                </th>
                <td className="px-3 py-2 whitespace-nowrap">
                  <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
                </td>
                <td className="px-3 py-2 text-slate-800 [overflow-wrap:anywhere]">
                  <InlineCode text={check.detail} />
                </td>
                <td className="px-3 py-2 text-slate-800 [overflow-wrap:anywhere]">
                  {check.fix ? <InlineCode text={check.fix} /> : <span className="text-slate-500">—</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
