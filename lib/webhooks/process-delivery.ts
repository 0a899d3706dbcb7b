import { invalidateRepoReads } from "@/lib/github/invalidate-repo-reads";
import type { ReadCache } from "@/lib/github/read-cache";
import { publishLiveChange } from "@/lib/live/bus";
import type { OperationHints } from "@/lib/operations/wake-operations";
import type { AcceptedEvent } from "./accepted-events";
import { planReaction } from "./plan-reaction";

export interface ProcessedDelivery {
  invalidated: number;
  notified: number;
  /** Which running operations to look at again now (see `wakeOperations`). */
  wake: OperationHints;
}

/**
 * Acts on a verified delivery: revalidate the cached reads it concerns, then tell browsers, in that
 * order, so the refresh a browser makes on the notice already reads past the old cache entries.
 */
export function processDelivery(
  cache: ReadCache,
  delivery: { event: AcceptedEvent; action: string | null; payload: unknown },
): ProcessedDelivery {
  const reaction = planReaction(delivery.event, delivery.payload);
  const invalidated =
    reaction.repository && reaction.routePrefixes.length > 0
      ? invalidateRepoReads(cache, reaction.repository, reaction.routePrefixes)
      : 0;
  const cause = delivery.action ? `${delivery.event}.${delivery.action}` : delivery.event;
  const at = Date.now();
  for (const { topic, ids } of reaction.notify) publishLiveChange({ topic, ids, cause, at });
  return { invalidated, notified: reaction.notify.length, wake: reaction.wake };
}
