import type { TokenCredential } from "@azure/core-auth";
import type { LogsQueryResult } from "@azure/monitor-query-logs";
import { assembleDeployComparison, type DeployComparison } from "./compare-deploy";
import {
  assembleEnvironmentHealth,
  type EnvironmentHealth,
  type HealthEnvironment,
} from "./environment-health";
import { createLogsClient, runQuery, type LogsQueryPort } from "./logs-client";
import { mapAvailability } from "./map-availability";
import { mapDeployComparison } from "./map-comparison";
import { mapDependencies } from "./map-dependencies";
import { describeQueryError } from "./map-error";
import { mapTopExceptions } from "./map-exceptions";
import { mapRequestSeries } from "./map-series";
import { mapServiceHealth } from "./map-service-health";
import type { Outcome } from "./outcome";
import { availabilityQuery } from "./queries/availability";
import { dependencyFailuresQuery } from "./queries/dependency-failures";
import { deployComparisonQuery } from "./queries/deploy-comparison";
import type { KqlQuery } from "./queries/kql-query";
import { chartIntervalMinutes, requestSeriesQuery } from "./queries/request-series";
import { serviceHealthQuery } from "./queries/service-health";
import { topExceptionsQuery } from "./queries/top-exceptions";
import { assertValidThresholds, type HealthThresholds } from "./thresholds";
import { createTtlCache } from "./ttl-cache";

export const DEFAULT_SERVICES = ["frontend", "product_service", "order_service", "customer_service"] as const;

type ClientSource =
  /** A ready client (or a fake in tests). */
  | { client: LogsQueryPort }
  /** Built here; `trustedCaPem` only for a simulator with a self-signed certificate. */
  | { credential: TokenCredential; endpoint: string; trustedCaPem?: string; maxRetries?: number };

export type HealthServiceOptions = ClientSource & {
  /** Log Analytics workspace id per environment. */
  workspaces: Readonly<Record<HealthEnvironment, string>>;
  thresholds: HealthThresholds;
  /** Per query attempt. */
  timeoutMs: number;
  /** How long answers are shared between callers; failures are kept at most 5 s. */
  ttlMs: number;
  /** AppRoleName of every service expected to report. */
  services?: readonly string[];
  /** Availability test name → service, where the test name does not start with the service name. */
  availabilityTests?: Readonly<Record<string, string>>;
  topExceptionsPerService?: number;
  now?: () => Date;
};

export interface HealthService {
  getEnvironmentHealth(environment: HealthEnvironment, windowMinutes: number): Promise<EnvironmentHealth>;
  getDeployComparison(
    environment: HealthEnvironment,
    deployTime: Date,
    windowMinutes: number,
  ): Promise<DeployComparison>;
}

const FAILURE_TTL_MS = 5_000;
/** How many TTLs past its expiry a health answer may still be served while it is refreshed. */
const STALE_TTLS = 4;
const MAX_WINDOW_MINUTES = 7 * 24 * 60;

export function createHealthService(options: HealthServiceOptions): HealthService {
  assertValidThresholds(options.thresholds);
  const client =
    "client" in options
      ? options.client
      : createLogsClient(options.credential, {
          endpoint: options.endpoint,
          trustedCaPem: options.trustedCaPem,
          maxRetries: options.maxRetries,
        });
  const { workspaces, thresholds, timeoutMs } = options;
  const services = options.services ?? DEFAULT_SERVICES;
  const now = options.now ?? (() => new Date());
  // Telemetry reaches Application Insights minutes late anyway: a page is answered from a value up
  // to a few TTLs old while one query refreshes it, instead of waiting for Log Analytics.
  const cache = createTtlCache({ staleWhileRevalidateMs: options.ttlMs * STALE_TTLS });
  const ttlFor = (value: { kind: string }) =>
    value.kind === "ok" ? options.ttlMs : Math.min(options.ttlMs, FAILURE_TTL_MS);

  async function query<T>(
    environment: HealthEnvironment,
    kql: KqlQuery,
    map: (result: LogsQueryResult) => Outcome<T>,
  ): Promise<Outcome<T>> {
    const workspaceId = workspaces[environment];
    try {
      return map(await runQuery(client, workspaceId, kql, timeoutMs));
    } catch (error) {
      return describeQueryError(error, { queryName: kql.name, workspaceId, timeoutMs });
    }
  }

  async function loadEnvironmentHealth(
    environment: HealthEnvironment,
    windowMinutes: number,
  ): Promise<EnvironmentHealth> {
    // Whole seconds: the same instant in every query of this read, and readable in the KQL.
    const end = new Date(Math.floor(now().getTime() / 1000) * 1000);
    const window = { end, windowMinutes };
    const intervalMinutes = chartIntervalMinutes(windowMinutes);
    const [serviceHealth, availability, exceptions, dependencies, series] = await Promise.all([
      query(environment, serviceHealthQuery(window), mapServiceHealth),
      query(environment, availabilityQuery(window), mapAvailability),
      query(
        environment,
        topExceptionsQuery({ ...window, topPerService: options.topExceptionsPerService ?? 5 }),
        mapTopExceptions,
      ),
      query(environment, dependencyFailuresQuery(window), mapDependencies),
      query(environment, requestSeriesQuery({ ...window, intervalMinutes }), mapRequestSeries),
    ]);
    return assembleEnvironmentHealth({
      environment,
      window: { start: new Date(end.getTime() - windowMinutes * 60_000), end, minutes: windowMinutes },
      thresholds,
      services,
      availabilityTests: options.availabilityTests ?? {},
      serviceHealth,
      availability,
      exceptions,
      dependencies,
      series:
        series.kind === "ok" ? { kind: "ok", value: { intervalMinutes, services: series.value } } : series,
    });
  }

  return {
    getEnvironmentHealth(environment, windowMinutes) {
      assertWindow(windowMinutes);
      return cache.getOrLoad(
        `health:${environment}:${windowMinutes}`,
        () => loadEnvironmentHealth(environment, windowMinutes),
        ttlFor,
      );
    },

    getDeployComparison(environment, deployTime, windowMinutes) {
      assertWindow(windowMinutes);
      return cache.getOrLoad(
        `compare:${environment}:${deployTime.toISOString()}:${windowMinutes}`,
        async () =>
          assembleDeployComparison({
            environment,
            deployTime,
            windowMinutes,
            now: now(),
            thresholds,
            services,
            comparison: await query(
              environment,
              deployComparisonQuery({ deployTime, windowMinutes }),
              mapDeployComparison,
            ),
          }),
        ttlFor,
      );
    },
  };
}

function assertWindow(windowMinutes: number): void {
  if (!Number.isInteger(windowMinutes) || windowMinutes < 1 || windowMinutes > MAX_WINDOW_MINUTES) {
    throw new RangeError(
      `windowMinutes must be a whole number from 1 to ${MAX_WINDOW_MINUTES}, got ${windowMinutes}`,
    );
  }
}
