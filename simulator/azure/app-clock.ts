import type { TelemetryDeployment, TelemetrySource } from "./types";

/**
 * Which clock a query's absolute times are on. Real Azure and the app share one wall clock; the
 * simulator's world clock runs ahead of it (`/_sim/advance`, `SIM_SPEED`), so the handler has to know:
 *
 * - A query anchored on `End` ("the last N minutes") takes `End` — and the request `timespan` built
 *   from it — from the app's own clock: wall time. It is answered as if the world's "now" were the
 *   app's "now", so a window ending at the app's now reads the world's latest minutes.
 * - A query anchored on `T` (deploy-comparison) takes `T` from a GitHub deployment's `created_at`,
 *   which the simulated GitHub API reports in world time already, and its `timespan` is `T ± Window`:
 *   it is answered on the world clock as it stands. Shifting it would compare the wrong minutes.
 */
export function readsAppClock(lets: ReadonlyMap<string, unknown>): boolean {
  return lets.has("End") && !lets.has("T");
}

/**
 * The world's telemetry as seen on the app's clock: the whole timeline moved back by `offsetMs`
 * (world now − wall now), so durations, per-minute rates and bin widths stay true and every time the
 * answer returns (series bins) is already on the app's clock. A constant shift rather than a
 * `worldTimeAt(wall)` mapping: with `SIM_SPEED` > 1 that mapping would squeeze `speed` world minutes
 * into each minute of the app's window and multiply its request rates by `speed`.
 */
export function onAppClock(source: TelemetrySource, offsetMs: number): TelemetrySource {
  if (offsetMs === 0) return source;
  const back = (d: Date) => new Date(d.getTime() - offsetMs);
  let shifted: TelemetryDeployment[] | null = null;
  return {
    now: () => back(source.now()),
    // Mapped once per view: telemetry generation compares deployments by identity.
    deployments: () =>
      (shifted ??= source
        .deployments()
        .map((d) => ({ ...d, startedAt: back(d.startedAt), endedAt: d.endedAt && back(d.endedAt) }))),
  };
}
