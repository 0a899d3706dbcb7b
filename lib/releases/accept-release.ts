import type { Viewer } from "@/lib/auth/viewer";
import type { AcceptInput } from "./acceptance-input";
import { decideRelease, type DecideOptions } from "./decide-release";
import type { DecisionResult } from "./decision-result";

/** QA accepts: merge the release PR guarded by the accepted head, then tear staging down. */
export function acceptRelease(
  viewer: Viewer | null,
  input: AcceptInput,
  options?: DecideOptions,
): Promise<DecisionResult> {
  return decideRelease(viewer, { kind: "accepted", input }, options);
}
