import type { Viewer } from "@/lib/auth/viewer";
import type { RejectInput } from "./acceptance-input";
import { decideRelease, type DecideOptions } from "./decide-release";
import type { DecisionResult } from "./decision-result";

/** QA rejects: nothing is merged; staging is torn down unless kept for investigation. */
export function rejectRelease(
  viewer: Viewer | null,
  input: RejectInput,
  options?: DecideOptions,
): Promise<DecisionResult> {
  return decideRelease(viewer, { kind: "rejected", input }, options);
}
