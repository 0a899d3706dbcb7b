/**
 * What a page may need to re-read. Browsers subscribe to topics, not to GitHub event names.
 * `operations`: a step Release Desk carries out (merge, teardown, rollback) visibly moved on.
 */
export const LIVE_TOPICS = ["runs", "deployments", "pulls", "operations"] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

/** One "something changed" hint sent to browsers; they re-render from the server, never from this. */
export interface LiveChange {
  topic: LiveTopic;
  /** GitHub ids the change concerns (run ids, deployment ids, pull numbers), when known. */
  ids: number[];
  /** The GitHub event that caused it, e.g. `workflow_run.completed`; or `reconciler`, `operations`. */
  cause: string;
  /** Epoch milliseconds when the app learnt of it (latency measurements compare against this). */
  at: number;
}
