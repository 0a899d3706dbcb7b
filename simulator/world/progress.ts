import { planAttempt, type JobPlan } from "./run-plan";
import { latest } from "./runs";
import type { Attempt, Run } from "./types";
import type { World } from "./world";

export interface Transition {
  at: number;
  seq: number;
  run: Run;
  attempt: Attempt;
  kind: "run" | "job";
  action: "requested" | "queued" | "waiting" | "in_progress" | "completed";
  job: JobPlan | null;
}

/**
 * Every transition of the active runs in (cursor, until], ordered by time across runs, so effects
 * (deployments, teardowns) happen in the order they would have in reality however late we look.
 */
export function collectTransitions(world: World, until: number): Transition[] {
  const out: Transition[] = [];
  let seq = 0;
  for (const run of world.runs.active) {
    const attempt = latest(run);
    if (attempt.cursor >= until) continue;
    const plan = planAttempt(world.seed, run, attempt);
    const add = (
      at: number | null,
      kind: Transition["kind"],
      action: Transition["action"],
      job: JobPlan | null = null,
    ) => {
      if (at !== null && at > attempt.cursor && at <= until)
        out.push({ at, seq: seq++, run, attempt, kind, action, job });
    };
    add(attempt.createdAt, "run", "requested");
    if (attempt.cancelledAt === null || attempt.cancelledAt > attempt.startedAt)
      add(attempt.startedAt, "run", "in_progress");
    for (const job of plan.jobs) {
      if (job.queuedAt === null) continue;
      if (job.conclusion === "skipped") {
        add(job.completedAt, "job", "completed", job);
        continue;
      }
      add(job.queuedAt, "job", "queued", job);
      add(job.waitingFrom, "job", "waiting", job);
      if (job.startedAt !== null && job.conclusion !== "cancelled")
        add(job.startedAt, "job", "in_progress", job);
      else if (job.startedAt !== null && job.completedAt !== null && job.startedAt < job.completedAt)
        add(job.startedAt, "job", "in_progress", job);
      add(job.completedAt, "job", "completed", job);
    }
    add(attempt.completedAt, "run", "completed");
  }
  return out.sort((a, b) => a.at - b.at || a.seq - b.seq);
}
