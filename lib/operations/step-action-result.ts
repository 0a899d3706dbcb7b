/** Which operation a person's Retry or Give up concerned, so the page showing it can be refreshed. */
export interface OperationRef {
  kind: string;
  releaseSha: string;
}

/** What Retry and Give up answer: done, or why not; `operation` when the id named one. */
export type StepActionResult =
  | { ok: true; message: string; operation: OperationRef }
  | { ok: false; refusal: string; operation?: OperationRef };
