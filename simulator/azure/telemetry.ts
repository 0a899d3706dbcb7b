import { hashUnit, inverseNormal, sequenceUnit } from "./hash";
import {
  AVAILABILITY_EVERY_MINUTES,
  AVAILABILITY_LOCATIONS,
  BACKGROUND_EXCEPTION,
  ENVIRONMENT_TRAFFIC,
  SERVICES,
  serviceProfile,
  type DependencyProfile,
  type ServiceName,
  type ServiceProfile,
} from "./profiles";
import { activeDeployment } from "./active-deployment";
import type {
  AvailabilityRow,
  DependencyRow,
  Environment,
  ExceptionRow,
  RequestRow,
  TimeRange,
} from "./rows";
import type { TelemetrySource } from "./types";

const MINUTE = 60_000;
// Sampled rows per service and minute; ItemCount carries the rest of the traffic, as with sampling.
const REQUEST_ROWS_PER_MINUTE = 12;
const DEPENDENCY_ROWS_PER_MINUTE = 4;
const P95_Z = 1.6448536269514722;

interface MinuteContext {
  minuteIndex: number;
  service: ServiceName;
  profile: ServiceProfile;
  traffic: number;
}

/** Calls `each` for every service in every minute of the range during which a deployment was active. */
function forEachServiceMinute(
  source: TelemetrySource,
  environment: Environment,
  range: TimeRange,
  each: (context: MinuteContext, isActiveAt: (t: number) => boolean) => void,
): void {
  const end = Math.min(range.end, source.now().getTime());
  const deployments = source.deployments().filter((d) => d.environment === environment);
  for (let minuteIndex = Math.floor(range.start / MINUTE); minuteIndex * MINUTE < end; minuteIndex++) {
    const minute = minuteIndex * MINUTE;
    const deployment = activeDeployment(deployments, environment, minute);
    const deploymentAtEnd = activeDeployment(deployments, environment, minute + MINUTE - 1);
    if (!deployment && !deploymentAtEnd) continue;
    // The same deployment at both ends of the minute serves all of it; otherwise a deploy or teardown
    // happened inside it, and each row is judged by its own time.
    const steady = deployment !== null && deployment === deploymentAtEnd;
    const isActiveAt = (t: number) =>
      t >= range.start && t < end && (steady || activeDeployment(deployments, environment, t) !== null);
    const degradedAt = (deployment ?? deploymentAtEnd)!.degraded;
    for (const service of SERVICES) {
      each(
        {
          minuteIndex,
          service,
          profile: serviceProfile(service, degradedAt),
          traffic: ENVIRONMENT_TRAFFIC[environment],
        },
        isActiveAt,
      );
    }
  }
}

/** Slow drift so figures are not flat lines: ±20 % on rates, ±10 % on latency, changing hourly. */
function jitter(
  kind: string,
  environment: Environment,
  service: string,
  minuteIndex: number,
  spread: number,
): number {
  return 1 - spread + 2 * spread * hashUnit(kind, environment, service, Math.floor(minuteIndex / 60));
}

function itemCount(perMinute: number, rows: number, seed: (string | number)[]): number {
  return Math.max(1, Math.round((perMinute / rows) * (0.8 + 0.4 * hashUnit("load", ...seed))));
}

function latency(p50Ms: number, p95Ms: number, u: number): number {
  const sigma = Math.log(p95Ms / p50Ms) / P95_Z;
  return Math.round(p50Ms * Math.exp(sigma * inverseNormal(u)) * 100) / 100;
}

export function requestRows(
  source: TelemetrySource,
  environment: Environment,
  range: TimeRange,
): RequestRow[] {
  const rows: RequestRow[] = [];
  forEachServiceMinute(
    source,
    environment,
    range,
    ({ minuteIndex, service, profile, traffic }, isActiveAt) => {
      const failureRate = profile.failureRate * jitter("failure", environment, service, minuteIndex, 0.2);
      const latencyScale = jitter("latency", environment, service, minuteIndex, 0.1);
      const count = itemCount(profile.requestsPerMinute * traffic, REQUEST_ROWS_PER_MINUTE, [
        environment,
        service,
        minuteIndex,
      ]);
      const failOffset = hashUnit("fail", environment, service);
      const durationOffset = hashUnit("duration", environment, service);
      for (let i = 0; i < REQUEST_ROWS_PER_MINUTE; i++) {
        const time = minuteIndex * MINUTE + i * (MINUTE / REQUEST_ROWS_PER_MINUTE);
        if (!isActiveAt(time)) continue;
        const n = minuteIndex * REQUEST_ROWS_PER_MINUTE + i;
        const success = sequenceUnit(n, failOffset) >= failureRate;
        rows.push({
          TimeGenerated: time,
          AppRoleName: service,
          Name: profile.requestNames[n % profile.requestNames.length]!,
          Success: success,
          ResultCode: success ? "200" : hashUnit("code", n) < 0.7 ? "500" : "503",
          DurationMs: latency(
            profile.p50Ms * latencyScale,
            profile.p95Ms * latencyScale,
            sequenceUnit(n, durationOffset, "silver"),
          ),
          ItemCount: count,
        });
      }
    },
  );
  return rows;
}

/** An exception for every failed request, plus the odd handled one. */
export function exceptionRows(
  source: TelemetrySource,
  environment: Environment,
  range: TimeRange,
): ExceptionRow[] {
  const rows: ExceptionRow[] = [];
  for (const request of requestRows(source, environment, range)) {
    if (request.Success) continue;
    const profile = serviceProfileAt(source, environment, request);
    const pick = profile.failureExceptions;
    const exception =
      pick[Math.floor(hashUnit("exception", request.AppRoleName, request.TimeGenerated) * pick.length)]!;
    rows.push(exceptionRow(request.TimeGenerated + 1, request.AppRoleName, exception, request.ItemCount));
  }
  forEachServiceMinute(source, environment, range, ({ minuteIndex, service, profile }, isActiveAt) => {
    const time = minuteIndex * MINUTE + 30_000;
    if (
      isActiveAt(time) &&
      hashUnit("background", environment, service, minuteIndex) < profile.backgroundExceptionsPerMinute
    ) {
      rows.push(exceptionRow(time, service, BACKGROUND_EXCEPTION, 1));
    }
  });
  return rows.sort((a, b) => a.TimeGenerated - b.TimeGenerated);
}

function serviceProfileAt(
  source: TelemetrySource,
  environment: Environment,
  request: RequestRow,
): ServiceProfile {
  const deployment = activeDeployment(source.deployments(), environment, request.TimeGenerated);
  return serviceProfile(request.AppRoleName, deployment?.degraded ?? false);
}

function exceptionRow(
  time: number,
  service: ServiceName,
  exception: { type: string; method: string; message: string },
  count: number,
): ExceptionRow {
  return {
    TimeGenerated: time,
    AppRoleName: service,
    ExceptionType: exception.type,
    ProblemId: `${exception.type} at ${service}.${exception.method}`,
    OuterMessage: exception.message,
    ItemCount: count,
  };
}

export function dependencyRows(
  source: TelemetrySource,
  environment: Environment,
  range: TimeRange,
): DependencyRow[] {
  const rows: DependencyRow[] = [];
  forEachServiceMinute(
    source,
    environment,
    range,
    ({ minuteIndex, service, profile, traffic }, isActiveAt) => {
      profile.dependencies.forEach((dependency: DependencyProfile) => {
        const key = [environment, service, dependency.target, dependency.name];
        const count = itemCount(
          profile.requestsPerMinute * traffic * dependency.callsPerRequest,
          DEPENDENCY_ROWS_PER_MINUTE,
          [...key, minuteIndex],
        );
        for (let i = 0; i < DEPENDENCY_ROWS_PER_MINUTE; i++) {
          const time = minuteIndex * MINUTE + 2_000 + i * (MINUTE / DEPENDENCY_ROWS_PER_MINUTE);
          if (!isActiveAt(time)) continue;
          const n = minuteIndex * DEPENDENCY_ROWS_PER_MINUTE + i;
          rows.push({
            TimeGenerated: time,
            AppRoleName: service,
            DependencyType: dependency.dependencyType,
            Target: dependency.target,
            Name: dependency.name,
            Success: sequenceUnit(n, hashUnit("dep-fail", ...key)) >= dependency.failureRate,
            DurationMs: latency(
              dependency.p50Ms,
              dependency.p95Ms,
              sequenceUnit(n, hashUnit("dep-duration", ...key), "silver"),
            ),
            ItemCount: count,
          });
        }
      });
    },
  );
  return rows;
}

/** Each service's availability test runs every 5 minutes from each location. */
export function availabilityRows(
  source: TelemetrySource,
  environment: Environment,
  range: TimeRange,
): AvailabilityRow[] {
  const rows: AvailabilityRow[] = [];
  forEachServiceMinute(source, environment, range, ({ minuteIndex, service, profile }, isActiveAt) => {
    if (minuteIndex % AVAILABILITY_EVERY_MINUTES !== 0) return;
    AVAILABILITY_LOCATIONS.forEach((location, l) => {
      const time = minuteIndex * MINUTE + l * 7_000;
      if (!isActiveAt(time)) return;
      const n = (minuteIndex / AVAILABILITY_EVERY_MINUTES) * AVAILABILITY_LOCATIONS.length + l;
      rows.push({
        TimeGenerated: time,
        Name: profile.availabilityTest,
        Location: location,
        Success:
          sequenceUnit(n, hashUnit("availability", environment, service)) >= profile.availabilityFailureRate,
        DurationMs: latency(
          profile.p50Ms * 2,
          profile.p95Ms * 2,
          hashUnit("availability-duration", environment, service, n),
        ),
        ItemCount: 1,
      });
    });
  });
  return rows;
}
