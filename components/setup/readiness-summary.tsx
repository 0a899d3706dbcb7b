import type { ReadinessCheck } from "@/lib/readiness/check";
import type { ReadinessSummary as Summary } from "@/lib/readiness/summary";
import { StatusBadge } from "@/components/ui/status-badge";
import { InlineCode } from "./inline-code";

const FRAME: Record<Summary["state"], string> = {
  ready: "border-green-300 bg-green-50",
  failing: "border-red-300 bg-red-50",
  unverified: "border-amber-300 bg-amber-50",
};

const STATE_LABEL: Record<Summary["state"], string> = {
  ready: "Ready",
  failing: "Not ready",
  unverified: "Not verified",
};

/** The verdict first, in words; then links to every check that needs attention. */
export function ReadinessSummary({ summary }: { summary: Summary }) {
  return (
    <section
      aria-labelledby="readiness-summary-heading"
      data-testid="readiness-summary"
      data-state={summary.state}
      className={`mb-8 rounded border p-4 ${FRAME[summary.state]}`}
    >
      <h2 id="readiness-summary-heading" className="flex flex-wrap items-center gap-3 text-xl font-semibold">
        <span>{summary.headline}</span>
        <StatusBadge tone={summary.tone}>{STATE_LABEL[summary.state]}</StatusBadge>
      </h2>
      <p className="mt-1 text-sm text-slate-700">{summary.detail}</p>
      <CheckLinks title="Failing" checks={summary.failing} />
      <CheckLinks title="Could not be run" checks={summary.unknown} />
      <CheckLinks title="Warnings (recommended, not required)" checks={summary.warnings} />
    </section>
  );
}

function CheckLinks({ title, checks }: { title: string; checks: readonly ReadinessCheck[] }) {
  if (checks.length === 0) return null;
  return (
    <div className="mt-3">
      <h3 className="text-sm font-semibold">{title}</h3>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {checks.map((check) => (
          <li key={check.id}>
            <a href={`#${check.id}`} className="text-blue-800 underline">
              <InlineCode text={check.title} />
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
