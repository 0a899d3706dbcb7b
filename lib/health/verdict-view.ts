import type { Verdict } from "@/lib/azure/verdict";
import type { Tone } from "@/lib/ui-tone";

/** A verdict plus the two states where there is no verdict at all. */
export type VerdictKind = Verdict | "unknown" | "not_configured";

export interface VerdictView {
  kind: VerdictKind;
  label: string;
  tone: Tone;
}

// Unknown and missing data never get the success tone: silence must not read as healthy.
const VIEWS: Record<VerdictKind, Omit<VerdictView, "kind">> = {
  healthy: { label: "Healthy", tone: "success" },
  degraded: { label: "Degraded", tone: "warning" },
  unhealthy: { label: "Unhealthy", tone: "failure" },
  no_data: { label: "No data", tone: "waiting" },
  unknown: { label: "Health unknown", tone: "waiting" },
  not_configured: { label: "Not configured", tone: "neutral" },
};

export function verdictView(kind: VerdictKind): VerdictView {
  return { kind, ...VIEWS[kind] };
}
