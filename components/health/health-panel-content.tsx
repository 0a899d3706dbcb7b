import type { HealthPanelView } from "@/lib/health/health-panel-view";
import { ServiceChart } from "./service-chart";
import { VerdictBadge } from "./verdict-badge";

const TITLES = { staging: "Staging health", production: "Production health" } as const;

/** One environment's health: the verdict and why, then one row per service. */
export function HealthPanelContent({
  view,
  headingLevel = 2,
}: {
  view: HealthPanelView;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `health-${view.environment}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded border border-slate-200 bg-white p-4"
      data-testid={`health-${view.environment}`}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <Heading id={headingId} className="text-lg font-semibold">
          {TITLES[view.environment]}
        </Heading>
        <VerdictBadge verdict={view.verdict} />
        <span className="text-sm text-slate-600">last {view.windowLabel}</span>
      </div>
      {view.message ? (
        <p className="mb-2 text-sm text-slate-800" data-testid="health-message">
          {view.message}
        </p>
      ) : null}
      {view.reasons.length > 0 ? (
        <ul className="mb-3 list-disc pl-5 text-sm text-slate-800" aria-label="Why">
          {view.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {view.services.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">
              {TITLES[view.environment]} per service, last {view.windowLabel}
            </caption>
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Service
                </th>
                <th scope="col" className="px-3 py-2">
                  Verdict
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Requests
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Failures
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  p95
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Exceptions
                </th>
                <th scope="col" className="px-3 py-2">
                  Trend
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {view.services.map((s) => (
                <tr key={s.service} data-testid="health-service-row" data-service={s.service}>
                  <th scope="row" className="px-3 py-2 font-mono text-xs font-normal">
                    {s.service}
                  </th>
                  <td className="px-3 py-2">
                    <VerdictBadge verdict={s.verdict} />
                    {s.reasons.map((r) => (
                      <p key={r} className="mt-1 text-xs text-slate-700">
                        {r}
                      </p>
                    ))}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.requestRate}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.failure}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.p95}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.exceptions}</td>
                  <td className="px-3 py-2">
                    {s.chart ? (
                      <>
                        <ServiceChart points={s.chart.points} />
                        <span className="sr-only">{s.chart.summary}</span>
                      </>
                    ) : (
                      <span className="text-xs text-slate-600">no chart</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-600">
            Trend: failure % (solid red) and p95 (dashed blue) over the window.
          </p>
        </div>
      ) : null}
      {view.notes.map((n) => (
        <p key={n} className="mt-2 text-xs text-slate-600">
          {n}
        </p>
      ))}
    </section>
  );
}
