/** The GitHub webhook events Release Desk acts on; anything else is acknowledged and ignored. */
export const ACCEPTED_EVENTS = [
  "workflow_run",
  "workflow_job",
  "deployment",
  "deployment_status",
  "deployment_review",
  "pull_request",
  "push",
  "ping",
] as const;

export type AcceptedEvent = (typeof ACCEPTED_EVENTS)[number];

export function isAcceptedEvent(name: string): name is AcceptedEvent {
  return (ACCEPTED_EVENTS as readonly string[]).includes(name);
}
