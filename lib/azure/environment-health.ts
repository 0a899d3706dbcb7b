import type { AvailabilityFigures } from "./map-availability";
import type { DependencyFigures } from "./map-dependencies";
import type { ServiceExceptions } from "./map-exceptions";
import type { ServiceSeries } from "./map-series";
import type { ServiceFigures } from "./map-service-health";
import type { Outcome } from "./outcome";
import type { HealthThresholds } from "./thresholds";
import { environmentVerdict, serviceVerdict, type ServiceVerdict, type Verdict } from "./verdict";

export type HealthEnvironment = "staging" | "production";

export interface HealthWindow {
  start: Date;
  end: Date;
  minutes: number;
}

export interface ServiceHealth {
  service: string;
  verdict: Verdict;
  reasons: string[];
  /** null when the service sent no requests in the window. */
  figures: ServiceFigures | null;
  availability: AvailabilityFigures[];
}

export type EnvironmentHealth =
  | {
      kind: "ok";
      environment: HealthEnvironment;
      window: HealthWindow;
      verdict: Verdict;
      reasons: string[];
      services: ServiceHealth[];
      /** Every availability test, including any not attributed to a service. */
      availability: AvailabilityFigures[];
      // Supporting figures: their failure does not change the verdict, so each reports on its own.
      exceptions: Outcome<ServiceExceptions[]>;
      dependencies: Outcome<DependencyFigures[]>;
      series: Outcome<{ intervalMinutes: number; services: ServiceSeries[] }>;
    }
  | { kind: "unknown"; environment: HealthEnvironment; window: HealthWindow; reason: string };

export interface EnvironmentHealthInput {
  environment: HealthEnvironment;
  window: HealthWindow;
  thresholds: HealthThresholds;
  /** Services expected to report; a silent one is `no_data`, never left out. */
  services: readonly string[];
  /** Availability test name → service; tests not listed belong to the service their name starts with. */
  availabilityTests: Readonly<Record<string, string>>;
  serviceHealth: Outcome<ServiceFigures[]>;
  availability: Outcome<AvailabilityFigures[]>;
  exceptions: Outcome<ServiceExceptions[]>;
  dependencies: Outcome<DependencyFigures[]>;
  series: Outcome<{ intervalMinutes: number; services: ServiceSeries[] }>;
}

/** Puts the figures together and judges them. Requests and availability decide; neither may be missing. */
export function assembleEnvironmentHealth(input: EnvironmentHealthInput): EnvironmentHealth {
  const { environment, window, thresholds } = input;
  if (input.serviceHealth.kind !== "ok") {
    return { kind: "unknown", environment, window, reason: input.serviceHealth.reason };
  }
  if (input.availability.kind !== "ok") {
    return { kind: "unknown", environment, window, reason: input.availability.reason };
  }
  const figures = input.serviceHealth.value;
  const availability = input.availability.value;

  const names = [...new Set([...input.services, ...figures.map((f) => f.service)])];
  const testsByService = new Map<string, AvailabilityFigures[]>();
  const unattributed: AvailabilityFigures[] = [];
  for (const test of availability) {
    const owner = input.availabilityTests[test.test] ?? names.find((name) => ownsTest(name, test.test));
    if (owner === undefined) unattributed.push(test);
    else testsByService.set(owner, [...(testsByService.get(owner) ?? []), test]);
  }

  const services: ServiceHealth[] = names.map((service) => {
    const own = figures.find((f) => f.service === service) ?? null;
    const tests = testsByService.get(service) ?? [];
    const verdict = serviceVerdict(
      {
        service,
        requests: own?.requests ?? 0,
        failurePct: own?.failurePct ?? null,
        p95Ms: own?.p95Ms ?? null,
        availabilityPct: lowestAvailability(tests),
      },
      thresholds,
    );
    return { service, verdict: verdict.verdict, reasons: verdict.reasons, figures: own, availability: tests };
  });

  const verdicts: ServiceVerdict[] = [
    ...services,
    ...unattributed.map((test) =>
      serviceVerdict(
        {
          service: `test "${test.test}"`,
          requests: 1,
          failurePct: null,
          p95Ms: null,
          availabilityPct: test.availabilityPct,
        },
        thresholds,
      ),
    ),
  ];
  const overall = environmentVerdict(verdicts);
  return {
    kind: "ok",
    environment,
    window,
    verdict: overall.verdict,
    reasons: overall.reasons,
    services,
    availability,
    exceptions: input.exceptions,
    dependencies: input.dependencies,
    series: input.series,
  };
}

function ownsTest(service: string, testName: string): boolean {
  const name = testName.toLowerCase();
  const prefix = service.toLowerCase();
  return name === prefix || (name.startsWith(prefix) && /[^a-z0-9_]/.test(name.charAt(prefix.length)));
}

function lowestAvailability(tests: readonly AvailabilityFigures[]): number | null {
  const values = tests.map((t) => t.availabilityPct).filter((v): v is number => v !== null);
  return values.length === 0 ? null : Math.min(...values);
}
