import { planAttempt, type AttemptPlan } from "./run-plan";
import type { Attempt, Run, RunEvent, WorkflowKey } from "./types";

export interface NewRun {
  workflow: WorkflowKey;
  event: RunEvent;
  headBranch: string;
  headSha: string;
  actor: string;
  displayTitle: string;
  inputs: Record<string, string>;
  createdAt: number;
  outcome: "success" | "failure";
  failJob: string | null;
  gateJob: { job: string; environment: string } | null;
}

const JOB_ID_BASE = 31_000_000_000;
const JOBS_PER_ATTEMPT = 16;
const ATTEMPTS_PER_RUN = 8;

/** Runs with the indexes the list endpoints need at 10,000+ runs. */
export class RunStore {
  readonly all: Run[] = [];
  readonly byId = new Map<number, Run>();
  readonly byWorkflow = new Map<WorkflowKey, Run[]>();
  readonly bySha = new Map<string, Run[]>();
  /** Runs whose latest attempt still has transitions to apply. */
  readonly active = new Set<Run>();
  private nextId = 13_204_118_000;
  private readonly numbers = new Map<WorkflowKey, number>();

  constructor(
    private readonly seed: number,
    private readonly step: () => number,
  ) {}

  create(n: NewRun): Run {
    this.nextId += this.step();
    const runNumber = (this.numbers.get(n.workflow) ?? 0) + 1;
    this.numbers.set(n.workflow, runNumber);
    const run: Run = {
      id: this.nextId,
      index: this.all.length,
      workflow: n.workflow,
      runNumber,
      event: n.event,
      headBranch: n.headBranch,
      headSha: n.headSha,
      actor: n.actor,
      displayTitle: n.displayTitle,
      inputs: n.inputs,
      attempts: [],
    };
    this.all.push(run);
    this.byId.set(run.id, run);
    const list = this.byWorkflow.get(n.workflow) ?? [];
    list.push(run);
    this.byWorkflow.set(n.workflow, list);
    const same = this.bySha.get(n.headSha) ?? [];
    same.push(run);
    this.bySha.set(n.headSha, same);
    this.addAttempt(run, n.actor, n.createdAt, n.outcome, n.failJob, n.gateJob);
    return run;
  }

  addAttempt(
    run: Run,
    actor: string,
    createdAt: number,
    outcome: "success" | "failure",
    failJob: string | null,
    gateJob: { job: string; environment: string } | null,
  ): Attempt {
    const attempt: Attempt = {
      number: run.attempts.length + 1,
      actor,
      createdAt,
      // Runners pick queued runs up within seconds; derived so history and live runs look alike.
      startedAt: createdAt + 2000 + ((run.id * 7 + run.attempts.length * 13) % 11) * 1000,
      outcome,
      failJob,
      cancelledAt: null,
      gate: gateJob
        ? { ...gateJob, approvedAt: null, rejectedAt: null, reviewer: null, comment: null }
        : null,
      completedAt: null,
      conclusion: null,
      cursor: createdAt - 1,
    };
    run.attempts.push(attempt);
    this.refresh(run, attempt);
    this.active.add(run);
    return attempt;
  }

  /** Re-derives the cached completion after anything that changes the timeline (cancel, review). */
  refresh(run: Run, attempt: Attempt): AttemptPlan {
    const plan = planAttempt(this.seed, run, attempt);
    attempt.completedAt = plan.completedAt;
    attempt.conclusion = plan.conclusion;
    return plan;
  }

  plan(run: Run, attempt: Attempt = latest(run)): AttemptPlan {
    return planAttempt(this.seed, run, attempt);
  }

  get(id: number): Run | undefined {
    return this.byId.get(id);
  }

  /** Job ids encode run and attempt, so a job is found without storing it. */
  jobId(run: Run, attemptNumber: number, jobIndex: number): number {
    return JOB_ID_BASE + (run.index * ATTEMPTS_PER_RUN + (attemptNumber - 1)) * JOBS_PER_ATTEMPT + jobIndex;
  }

  findJob(jobId: number): { run: Run; attempt: Attempt; jobIndex: number } | null {
    const offset = jobId - JOB_ID_BASE;
    if (offset < 0) return null;
    const jobIndex = offset % JOBS_PER_ATTEMPT;
    const slot = Math.floor(offset / JOBS_PER_ATTEMPT);
    const run = this.all[Math.floor(slot / ATTEMPTS_PER_RUN)];
    const attempt = run?.attempts[slot % ATTEMPTS_PER_RUN];
    if (!run || !attempt) return null;
    return { run, attempt, jobIndex };
  }

  canRerun(run: Run): boolean {
    return run.attempts.length < ATTEMPTS_PER_RUN;
  }
}

export function latest(run: Run): Attempt {
  return run.attempts[run.attempts.length - 1] as Attempt;
}
