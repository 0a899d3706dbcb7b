import { Suspense } from "react";
import { environmentVerdictSummary, type HealthPanelView } from "@/lib/health/health-panel-view";
import { readEnvironmentHealth } from "@/lib/health/read-environment-health";
import { VerdictBadge } from "./verdict-badge";

type Environment = HealthPanelView["environment"];

/** The "Health" line of an environment card; streams in after the GitHub facts around it. */
export function EnvironmentHealthRow({
  environment,
  windowMinutes,
}: {
  environment: Environment;
  windowMinutes: number;
}) {
  return (
    <>
      <dt className="text-slate-600">Health</dt>
      <dd data-testid={`env-${environment}-health`}>
        <Suspense fallback={<span className="text-slate-600">Checking health…</span>}>
          <EnvironmentVerdict environment={environment} windowMinutes={windowMinutes} />
        </Suspense>
      </dd>
    </>
  );
}

async function EnvironmentVerdict({
  environment,
  windowMinutes,
}: {
  environment: Environment;
  windowMinutes: number;
}) {
  // Same window as the panel on the page, so both share one cached read.
  const view = await readEnvironmentHealth(environment, windowMinutes);
  const { verdict, detail } = environmentVerdictSummary(view);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <VerdictBadge verdict={verdict} />
      <span className="text-slate-700">{detail}</span>
    </span>
  );
}
