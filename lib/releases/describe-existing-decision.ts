/** "Already accepted by quinn-qa at 2026-11-26T07:30:00.000Z." — what a second reviewer is told. */
export function describeExistingDecision(decision: {
  decision: string;
  reviewer: string;
  decidedAt: Date;
}): string {
  return `This release was already ${decision.decision} by ${decision.reviewer} at ${decision.decidedAt.toISOString()}.`;
}
