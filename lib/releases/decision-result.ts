/** What deciding a release answers: either the decision taken, or why not (nothing was changed). */
export type DecisionResult =
  { ok: true; decisionId: string; message: string } | { ok: false; refusal: string };

/** A check that failed; carried to the caller as a refusal and audited as `refused`. */
export class DecisionRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecisionRefused";
  }
}

/** What a form's server action hands back to the form (null before the first submit). */
export type FormActionState = { ok: boolean; message: string } | null;
