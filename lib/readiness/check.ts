import type { GitHubError } from "@/lib/github/errors";
import type { CheckStatus } from "@/lib/setup/workflow-contract";

/**
 * `required`: Release Desk cannot do its job without it, so a failure keeps the repository from being
 * "Ready". `advisory`: a recommendation; a failure is shown as a warning and does not count as failing.
 */
export type CheckLevel = "required" | "advisory";

export interface ReadinessCheck {
  /** Unique on the page (it is also the row's anchor). */
  id: string;
  title: string;
  status: CheckStatus;
  level: CheckLevel;
  /** What was found, in words; for a failure, what is wrong; for unknown, why it could not be told. */
  detail: string;
  /** What to change; empty when nothing needs changing. */
  fix: string;
}

type Head = Pick<ReadinessCheck, "id" | "title"> & { level?: CheckLevel };

export function passed(head: Head, detail: string): ReadinessCheck {
  return { level: "required", ...head, status: "pass", detail, fix: "" };
}

export function failed(head: Head, detail: string, fix: string): ReadinessCheck {
  return { level: "required", ...head, status: "fail", detail, fix };
}

export function notKnown(head: Head, detail: string, fix = ""): ReadinessCheck {
  return { level: "required", ...head, status: "unknown", detail, fix };
}

/** A read that either answered or failed with the gateway's error (never a thrown exception). */
export type ReadOutcome<T> = { ok: true; value: T } | { ok: false; error: GitHubError };
