import type { VerdictView } from "@/lib/health/verdict-view";
import { StatusBadge } from "@/components/ui/status-badge";

export function VerdictBadge({ verdict }: { verdict: VerdictView }) {
  return <StatusBadge tone={verdict.tone}>{verdict.label}</StatusBadge>;
}
