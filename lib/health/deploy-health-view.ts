import type { DeployComparison } from "@/lib/azure/compare-deploy";
import type { ThresholdCrossing } from "@/lib/azure/threshold-crossings";
import { formatValue } from "@/lib/azure/verdict";
import { windowLabel } from "./health-window";
import { verdictView, type VerdictView } from "./verdict-view";

export type DeployHealthRead =
  Extract<DeployComparison, { kind: "ok" }> | { kind: "unknown" | "not_configured"; reason: string };

export interface DeployHealthView {
  windowLabel: string;
  /** Null when there is no comparison; `message` then says why. */
  before: VerdictView | null;
  after: VerdictView | null;
  message: string | null;
  /** The "after" window has not ended yet, so its figures are partial. */
  afterPartial: boolean;
  crossings: { text: string; direction: ThresholdCrossing["direction"] }[];
}

const LABELS = {
  failurePct: { label: "failure rate", unit: "%", decimals: 1 },
  p95Ms: { label: "p95", unit: " ms", decimals: 0 },
};

export function toDeployHealthView(read: DeployHealthRead, windowMinutes: number): DeployHealthView {
  const base = { windowLabel: windowLabel(windowMinutes), afterPartial: false, crossings: [] };
  if (read.kind !== "ok") return { ...base, before: null, after: null, message: read.reason };
  return {
    ...base,
    before: verdictView(read.before.verdict),
    after: verdictView(read.after.verdict),
    message: null,
    afterPartial: !read.afterWindowComplete,
    // Worse first: a regression is what a person scanning history needs to see.
    crossings: [...read.crossings]
      .sort((a, b) => (a.direction === b.direction ? 0 : a.direction === "worse" ? -1 : 1))
      .map((c) => ({ text: crossingText(c), direction: c.direction })),
  };
}

/** "order_service failure rate 0.9% → 8.8% (crosses 5%)". */
export function crossingText(c: ThresholdCrossing): string {
  const { label, unit, decimals } = LABELS[c.metric];
  const show = (v: number) => `${formatValue(v, c.threshold, decimals)}${unit}`;
  return `${c.service} ${label} ${show(c.before)} → ${show(c.after)} (crosses ${c.threshold}${unit})`;
}
