import { derived } from "./prng";
import type { Attempt, Conclusion, Run, RunStatus } from "./types";
import { workflowByKey, type JobSpec } from "./workflow-defs";

export interface StepPlan {
  name: string;
  number: number;
  startedAt: number | null;
  completedAt: number | null;
  conclusion: Conclusion | null;
}

export interface JobPlan {
  index: number;
  name: string;
  spec: JobSpec;
  /** null: not created yet (its needs have not finished). */
  queuedAt: number | null;
  /** Set when the job waits for a reviewer (environment protection). */
  waitingFrom: number | null;
  startedAt: number | null;
  completedAt: number | null;
  conclusion: Conclusion | null;
  steps: StepPlan[];
}

export interface AttemptPlan {
  jobs: JobPlan[];
  completedAt: number | null;
  conclusion: Conclusion | null;
}

/**
 * The timeline of one attempt, derived from the run, the attempt's decisions (outcome, failing job,
 * cancellation, review) and a PRNG keyed by run and attempt — so it never needs to be stored and the
 * same seed always gives the same jobs, steps and durations.
 */
export function planAttempt(seed: number, run: Run, attempt: Attempt): AttemptPlan {
  const wf = workflowByKey(run.workflow);
  const rng = derived(seed, `plan:${run.id}:${attempt.number}`);
  const byName = new Map<string, JobPlan>();
  const cancel = attempt.cancelledAt ?? Infinity;

  for (const [index, spec] of wf.jobs.entries()) {
    const needs = spec.needs.map((n) => byName.get(n) as JobPlan);
    const duration = rng.int(spec.duration[0], spec.duration[1]) * 1000;
    const startDelay = rng.int(2, 9) * 1000;
    const stepWeights = spec.steps.map((_, i) =>
      i === 0 || i >= spec.steps.length - 2 ? 0.3 : 1 + rng.next() * 3,
    );
    const job: JobPlan = {
      index,
      name: spec.name,
      spec,
      queuedAt: null,
      waitingFrom: null,
      startedAt: null,
      completedAt: null,
      conclusion: null,
      steps: [],
    };
    byName.set(spec.name, job);

    const needsDone = needs.every((n) => n.completedAt !== null);
    if (!needsDone) continue;
    const readyAt = Math.max(attempt.startedAt, ...needs.map((n) => n.completedAt as number));
    const upstreamFailed =
      needs.some((n) => n.conclusion !== "success" && n.conclusion !== "skipped") ||
      needs.some((n) => n.conclusion === "skipped" && !n.spec.ifFailure);
    const anyFailed = [...byName.values()].some((j) => j !== job && j.conclusion === "failure");

    if (readyAt >= cancel) {
      // Root jobs existed from the start and are cancelled; dependents are never created.
      if (needs.length === 0) {
        Object.assign(job, {
          queuedAt: cancel,
          startedAt: cancel,
          completedAt: cancel,
          conclusion: "cancelled",
        });
      }
      continue;
    }
    const skip = spec.ifFailure ? !anyFailed : upstreamFailed;
    if (skip) {
      Object.assign(job, {
        queuedAt: readyAt,
        startedAt: readyAt,
        completedAt: readyAt,
        conclusion: "skipped",
      });
      job.steps = [];
      continue;
    }
    job.queuedAt = readyAt;
    let startAt = readyAt + startDelay;
    const gate = attempt.gate && attempt.gate.job === spec.name ? attempt.gate : null;
    if (gate) {
      job.waitingFrom = readyAt;
      const decidedAt = gate.approvedAt ?? gate.rejectedAt;
      if (decidedAt === null) {
        if (cancel < Infinity)
          Object.assign(job, { startedAt: cancel, completedAt: cancel, conclusion: "cancelled" });
        continue;
      }
      if (gate.rejectedAt !== null) {
        Object.assign(job, {
          startedAt: gate.rejectedAt,
          completedAt: gate.rejectedAt,
          conclusion: "failure",
        });
        continue;
      }
      startAt = Math.max(readyAt, decidedAt) + startDelay;
    }
    if (startAt >= cancel) {
      Object.assign(job, { startedAt: cancel, completedAt: cancel, conclusion: "cancelled" });
      continue;
    }
    const fails = attempt.outcome === "failure" && attempt.failJob === spec.name;
    const end = startAt + duration;
    job.startedAt = startAt;
    job.completedAt = Math.min(end, cancel);
    job.conclusion = end > cancel ? "cancelled" : fails ? "failure" : "success";
    job.steps = planSteps(spec.steps, stepWeights, startAt, end, cancel, fails);
  }

  const jobs = [...byName.values()];
  const created = jobs.filter((j) => j.queuedAt !== null);
  const allDone = jobs.every(
    (j) => j.completedAt !== null || (j.queuedAt === null && isUnreachable(j, byName)),
  );
  const completedAt = allDone
    ? Math.max(attempt.startedAt, ...created.map((j) => j.completedAt as number))
    : null;
  let conclusion: Conclusion | null = null;
  if (completedAt !== null) {
    if (attempt.cancelledAt !== null && attempt.cancelledAt <= completedAt) conclusion = "cancelled";
    else conclusion = created.some((j) => j.conclusion === "failure") ? "failure" : "success";
  }
  return { jobs, completedAt, conclusion };
}

/** A job never created because an upstream job was cancelled before it could be queued. */
function isUnreachable(job: JobPlan, byName: Map<string, JobPlan>): boolean {
  return job.spec.needs.some((n) => {
    const need = byName.get(n) as JobPlan;
    return need.conclusion === "cancelled" || (need.queuedAt === null && isUnreachable(need, byName));
  });
}

function planSteps(
  names: string[],
  weights: number[],
  start: number,
  end: number,
  cancel: number,
  fails: boolean,
): StepPlan[] {
  const total = weights.reduce((a, b) => a + b, 0);
  // The job's main step (the one before the post steps) is the one that fails.
  const failing = fails ? names.length - 3 : -1;
  const steps: StepPlan[] = [];
  let t = start;
  let broken = false;
  for (const [i, name] of names.entries()) {
    const isLast = i === names.length - 1;
    const len = Math.round(((weights[i] as number) / total) * (end - start));
    const s = t;
    const e = isLast ? end : Math.min(end, t + len);
    t = e;
    if (s >= cancel) {
      steps.push({ name, number: i + 1, startedAt: null, completedAt: null, conclusion: null });
      continue;
    }
    if (e > cancel) {
      steps.push({ name, number: i + 1, startedAt: s, completedAt: cancel, conclusion: "cancelled" });
      continue;
    }
    if (broken && !isLast && !name.startsWith("Post ")) {
      steps.push({ name, number: i + 1, startedAt: s, completedAt: s, conclusion: "skipped" });
      continue;
    }
    const conclusion: Conclusion = i === failing ? "failure" : "success";
    if (i === failing) broken = true;
    steps.push({ name, number: i + 1, startedAt: s, completedAt: e, conclusion });
  }
  return steps;
}

export function attemptStatusAt(attempt: Attempt, plan: AttemptPlan | null, t: number): RunStatus {
  if (t < attempt.startedAt) return "queued";
  if (attempt.completedAt !== null && t >= attempt.completedAt) return "completed";
  const waiting = plan?.jobs.some(
    (j) => j.waitingFrom !== null && j.waitingFrom <= t && (j.startedAt === null || t < j.startedAt),
  );
  return waiting ? "waiting" : "in_progress";
}

/** The job's state at world time t, as the jobs API reports it. */
export function jobStateAt(
  job: JobPlan,
  t: number,
): { status: "queued" | "waiting" | "in_progress" | "completed"; conclusion: Conclusion | null } {
  if (job.completedAt !== null && t >= job.completedAt)
    return { status: "completed", conclusion: job.conclusion };
  if (job.waitingFrom !== null && t >= job.waitingFrom && (job.startedAt === null || t < job.startedAt))
    return { status: "waiting", conclusion: null };
  if (job.startedAt !== null && t >= job.startedAt) return { status: "in_progress", conclusion: null };
  return { status: "queued", conclusion: null };
}
