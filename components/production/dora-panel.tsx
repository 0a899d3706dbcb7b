import { Suspense } from "react";
import { DORA_PERIOD_PARAM, parseDoraPeriod } from "@/lib/dora/dora-period";
import { readDora } from "@/lib/dora/read-dora";
import { describeGitHubFailure } from "@/lib/runs/describe-failure";
import { Notice } from "@/components/notice";
import { DoraPanelContent, DoraPanelFrame } from "./dora-panel-content";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * DORA metrics for production over a period chosen in the URL (`?doraDays=`). Self-contained, with
 * its own loading, empty and error states, so the deployment history never waits for it.
 */
export function DoraPanel({ searchParams }: { searchParams: SearchParams }) {
  return (
    <Suspense fallback={<DoraPanelFallback />}>
      <DoraPanelResult searchParams={searchParams} />
    </Suspense>
  );
}

function DoraPanelFallback() {
  return (
    <section
      aria-labelledby="dora-heading"
      aria-busy="true"
      className="mb-6 rounded border border-slate-200 bg-white p-4"
    >
      <h2 id="dora-heading" className="mb-2 text-lg font-semibold">
        DORA metrics
      </h2>
      <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
        <span
          aria-hidden
          className="h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-slate-700"
        />
        Computing DORA metrics from the production deployments…
      </p>
    </section>
  );
}

function failureMessage(error: unknown): string {
  try {
    return describeGitHubFailure(error);
  } catch {
    // Not a GitHub failure: logged for the operator, and the panel alone shows the problem.
    console.error("DORA metrics failed", error);
    return "An unexpected error stopped the computation. The rest of the page is unaffected.";
  }
}

async function DoraPanelResult({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const periodDays = parseDoraPeriod(raw[DORA_PERIOD_PARAM]);
  const others: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (key !== DORA_PERIOD_PARAM && v !== undefined) others[key] = v;
  }
  let view;
  try {
    view = await readDora(periodDays);
  } catch (error) {
    return (
      <DoraPanelFrame periodDays={periodDays} query={others}>
        <Notice tone="error" title="DORA metrics could not be computed">
          <p>{failureMessage(error)}</p>
        </Notice>
      </DoraPanelFrame>
    );
  }
  return <DoraPanelContent view={view} query={others} />;
}
