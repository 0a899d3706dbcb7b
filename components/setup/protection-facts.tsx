import type { ProtectionFact } from "@/lib/readiness/environments";

export function ProtectionFacts({ facts, label }: { facts: readonly ProtectionFact[]; label: string }) {
  return (
    <dl aria-label={label} className="grid grid-cols-[11rem_1fr] gap-y-1 text-sm" data-testid="protection">
      {facts.map((fact) => (
        <div key={fact.label} className="contents">
          <dt className="text-slate-600">{fact.label}</dt>
          <dd className="text-slate-900">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
