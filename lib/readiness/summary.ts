import type { Tone } from "@/lib/ui-tone";
import type { ReadinessCheck } from "./check";

export interface ReadinessSummary {
  state: "ready" | "failing" | "unverified";
  /** "Ready", "3 checks failing", "2 checks could not be run". */
  headline: string;
  /** A sentence with the remaining counts. */
  detail: string;
  tone: Tone;
  total: number;
  passing: number;
  /** Required checks that fail. */
  failing: ReadinessCheck[];
  unknown: ReadinessCheck[];
  /** Advisory checks that fail: warnings, not counted as failing. */
  warnings: ReadinessCheck[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Ready means every required check passed. A check that could not be run is not a pass: the
 * repository is then "not verified" rather than ready.
 */
export function summarizeReadiness(checks: readonly ReadinessCheck[]): ReadinessSummary {
  const failing = checks.filter((c) => c.status === "fail" && c.level === "required");
  const warnings = checks.filter((c) => c.status === "fail" && c.level === "advisory");
  const unknown = checks.filter((c) => c.status === "unknown");
  const passing = checks.filter((c) => c.status === "pass").length;
  const rest = [
    unknown.length > 0 && failing.length > 0
      ? `${plural(unknown.length, "check", "checks")} could not be run`
      : "",
    warnings.length > 0 ? plural(warnings.length, "warning", "warnings") : "",
  ].filter(Boolean);
  const detail = `${passing} of ${plural(checks.length, "check", "checks")} pass${rest.length > 0 ? `; ${rest.join("; ")}` : ""}.`;
  const base = { total: checks.length, passing, failing, unknown, warnings, detail };
  if (failing.length > 0) {
    return {
      ...base,
      state: "failing",
      headline: `${plural(failing.length, "check", "checks")} failing`,
      tone: "failure",
    };
  }
  if (unknown.length > 0) {
    return {
      ...base,
      state: "unverified",
      headline: `Not verified: ${plural(unknown.length, "check", "checks")} could not be run`,
      tone: "warning",
    };
  }
  return { ...base, state: "ready", headline: "Ready", tone: "success" };
}
