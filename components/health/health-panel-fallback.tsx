const TITLES = { staging: "Staging health", production: "Production health" } as const;

export function HealthPanelFallback({
  environment,
  headingLevel = 2,
}: {
  environment: keyof typeof TITLES;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="rounded border border-slate-200 bg-white p-4" aria-busy="true">
      <Heading className="mb-2 text-lg font-semibold">{TITLES[environment]}</Heading>
      <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
        <span
          aria-hidden
          className="h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-slate-700"
        />
        Loading health from Application Insights…
      </p>
    </section>
  );
}
