import type { HookView } from "@/lib/readiness/webhook";

export function HookTable({ hooks }: { hooks: readonly HookView[] }) {
  if (hooks.length === 0) return <p className="text-sm text-slate-600">The repository has no webhooks.</p>;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">The repository&apos;s webhooks</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              Payload URL
            </th>
            <th scope="col" className="px-3 py-2">
              Active
            </th>
            <th scope="col" className="px-3 py-2">
              Content type
            </th>
            <th scope="col" className="px-3 py-2">
              Events
            </th>
            <th scope="col" className="px-3 py-2">
              Last delivery
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {hooks.map((hook) => (
            <tr key={hook.id} data-testid="hook-row" className="align-top">
              <td className="px-3 py-2 font-mono text-xs [overflow-wrap:anywhere]">
                {hook.url || "—"}
                {hook.pointsHere ? (
                  <span className="ml-1 font-sans text-slate-600">(Release Desk)</span>
                ) : null}
              </td>
              <td className="px-3 py-2">{hook.active ? "yes" : "no"}</td>
              <td className="px-3 py-2">{hook.contentType}</td>
              <td className="px-3 py-2">{hook.events.join(", ")}</td>
              <td className="px-3 py-2">{hook.lastDelivery}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
