import { Suspense } from "react";
import { readDeployHealth } from "@/lib/health/read-deploy-health";
import { VerdictBadge } from "./verdict-badge";

/**
 * Health in equal windows before and after a deploy. Each row streams on its own so a slow query
 * never holds up the history table.
 */
export function DeployHealth(props: {
  environment: "staging" | "production";
  deployTimeIso: string;
  windowMinutes: number;
}) {
  return (
    <Suspense fallback={<span className="text-xs text-slate-600">Checking health…</span>}>
      <DeployHealthResult {...props} />
    </Suspense>
  );
}

async function DeployHealthResult({
  environment,
  deployTimeIso,
  windowMinutes,
}: {
  environment: "staging" | "production";
  deployTimeIso: string;
  windowMinutes: number;
}) {
  const view = await readDeployHealth(environment, deployTimeIso, windowMinutes);
  if (!view.before || !view.after) {
    return <span className="text-xs text-slate-700">{view.message}</span>;
  }
  return (
    <div data-testid="deploy-health">
      <span className="flex flex-wrap items-center gap-1 text-xs">
        <span className="sr-only">Before:</span>
        <VerdictBadge verdict={view.before} />
        <span aria-hidden>→</span>
        <span className="sr-only">after:</span>
        <VerdictBadge verdict={view.after} />
        {view.afterPartial ? <span className="text-slate-600">(after window still open)</span> : null}
      </span>
      {view.crossings.map((c) => (
        <p
          key={c.text}
          className={`mt-1 text-xs ${c.direction === "worse" ? "font-medium text-red-800" : "text-green-800"}`}
        >
          <span aria-hidden>{c.direction === "worse" ? "▲ " : "▼ "}</span>
          {c.text}
        </p>
      ))}
    </div>
  );
}
