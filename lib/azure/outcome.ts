/**
 * What every health read returns: figures, or why there are none. A failed or partial query never
 * turns into "healthy"; it becomes `unknown` with a reason a person can act on.
 */
export type Outcome<T> = { kind: "ok"; value: T } | { kind: "unknown"; reason: string };

export const HEALTH_UNKNOWN_PREFIX = "health unknown: ";

export function unknown(reason: string): { kind: "unknown"; reason: string } {
  return {
    kind: "unknown",
    reason: reason.startsWith(HEALTH_UNKNOWN_PREFIX) ? reason : `${HEALTH_UNKNOWN_PREFIX}${reason}`,
  };
}
