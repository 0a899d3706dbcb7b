import type { ReactNode } from "react";

import type { Tone } from "@/lib/ui-tone";

const TONE_CLASSES: Record<Tone, string> = {
  success: "bg-green-100 text-green-900 ring-green-600/30",
  failure: "bg-red-100 text-red-900 ring-red-600/30",
  running: "bg-blue-100 text-blue-900 ring-blue-600/30",
  waiting: "bg-slate-100 text-slate-800 ring-slate-500/30",
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
  warning: "bg-amber-100 text-amber-950 ring-amber-600/40",
};

const ICONS: Record<Tone, string> = {
  success: "✓",
  failure: "✕",
  running: "●",
  waiting: "○",
  neutral: "–",
  warning: "!",
};

/** Status in words first; the colour and the symbol only repeat it. */
export function StatusBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASSES[tone]}`}
    >
      <span aria-hidden>{ICONS[tone]}</span>
      {children}
    </span>
  );
}
