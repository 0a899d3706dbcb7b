import type { TelemetryDeployment, TelemetrySource } from "../azure/types";
import type { ApprovalMode } from "../options";
import { DeploymentStore, type NewDeployment, type NewStatus } from "./deployments";
import { Clock } from "./clock";
import { applyTransition } from "./effects";
import type { WorldEvent, WorldListener } from "./events";
import { collectTransitions } from "./progress";
import { derived, Prng } from "./prng";
import { RepoGraph } from "./repo-graph";
import { latest, RunStore } from "./runs";
import { seedHistory, type SeedFacts } from "./seed-history";
import {
  IMAGES,
  type Commit,
  type CommitTraits,
  type Deployment,
  type ImageName,
  type Pull,
  type Run,
  type WorkflowKey,
} from "./types";
import { decideOutcome } from "./run-outcome";
import { displayTitle, fileChanges, pullTitle } from "./naming";
import { telemetryDeployments } from "./telemetry";
import { WORKFLOWS } from "./workflow-defs";

export interface WorldOptions {
  seed: number;
  speed: number;
  scale: number;
  start: Date;
  repo: string;
  productionApproval?: ApprovalMode;
}

export interface PushOptions {
  message: string;
  author: string;
  at: number;
  traits?: Partial<CommitTraits>;
  /** A push to `testing` opens the `testing`→`main` PR when none is open (as the developer would). */
  openPull?: boolean;
}

const DEFAULT_TRAITS: CommitTraits = { ci: "success", ciFailsAt: "test", deploy: "success", degraded: false };

/** The simulated repository and everything that happens in it; deterministic from the seed. */
export class World {
  readonly clock: Clock;
  readonly seed: number;
  readonly owner: string;
  readonly name: string;
  readonly rng: Prng;
  readonly graph = new RepoGraph();
  readonly runs: RunStore;
  readonly deployments: DeploymentStore;
  readonly pulls = new Map<number, Pull>();
  readonly openPulls = new Set<Pull>();
  /** Staging namespaces ever created; `removedAt` once torn down. */
  readonly namespaces = new Map<string, { sha: string; createdAt: number; removedAt: number | null }>();
  readonly facts: SeedFacts;
  readonly approval: ApprovalMode;
  /** False while the history is seeded: nothing is announced for the past. */
  private live = false;
  private readonly listeners: WorldListener[] = [];
  private nextPullNumber = 1;

  constructor(readonly options: WorldOptions) {
    this.seed = options.seed;
    this.rng = new Prng(options.seed);
    const [owner, name] = options.repo.split("/");
    this.owner = owner ?? "acme";
    this.name = name ?? "shop";
    this.approval = options.productionApproval ?? "auto";
    const idRng = derived(options.seed, "ids");
    this.runs = new RunStore(options.seed, () => idRng.int(3, 400));
    this.deployments = new DeploymentStore(() => idRng.int(5, 900));
    this.facts = seedHistory(this, options.start.getTime(), options.scale);
    this.live = true;
    this.clock = new Clock(options.start, options.speed);
  }

  now(): Date {
    return this.clock.now();
  }

  nowMs(): number {
    return this.clock.nowMs();
  }

  onEvent(listener: WorldListener): void {
    this.listeners.push(listener);
  }

  emit(event: WorldEvent): void {
    if (!this.live) return;
    for (const l of this.listeners) l(event);
  }

  /** Applies every run transition due by `until` (default: now), in time order across runs. */
  tick(until: number = this.nowMs()): void {
    for (const tr of collectTransitions(this, until)) applyTransition(this, tr);
    for (const run of this.runs.active) {
      const a = latest(run);
      a.cursor = Math.max(a.cursor, until);
      if (a.completedAt !== null && a.completedAt <= until) this.runs.active.delete(run);
    }
  }

  newSha(): string {
    return this.rng.hex(40);
  }

  commit(
    parents: string[],
    o: { message: string; author: string; at: number; traits?: Partial<CommitTraits> },
  ): Commit {
    const c: Commit = {
      sha: this.newSha(),
      treeSha: this.newSha(),
      message: o.message,
      author: o.author,
      committer: parents.length > 1 ? "web-flow" : o.author,
      at: o.at,
      parents,
      generation: 0,
      ancestorCount: 0,
      traits: { ...DEFAULT_TRAITS, ...o.traits },
      images: null,
      files: [],
    };
    this.graph.add(c);
    return c;
  }

  push(branch: string, o: PushOptions): Commit {
    const before = this.graph.branches.get(branch) ?? "0".repeat(40);
    const c = this.commit(this.graph.branches.has(branch) ? [before] : [], o);
    c.files = fileChanges(this.rng, o.message);
    this.moveBranch(branch, c, o.author, o.at, before);
    if (branch === "testing" && o.openPull !== false && !this.openPull("testing", "main")) {
      this.createPull({
        head: "testing",
        base: "main",
        title: pullTitle(c),
        body: "",
        user: o.author,
        at: o.at + 1000,
      });
    }
    return c;
  }

  /** Moves a branch, announces the push, updates PRs and starts the workflows the push triggers. */
  moveBranch(branch: string, c: Commit, pusher: string, at: number, before: string): void {
    this.graph.branches.set(branch, c.sha);
    this.emit({ type: "push", ref: `refs/heads/${branch}`, before, after: c.sha, commits: [c], pusher, at });
    for (const pull of this.openPulls) {
      if (pull.head === branch) {
        const prev = pull.headSha;
        pull.headSha = c.sha;
        pull.updatedAt = at;
        pull.mergeableReadsPending = 1;
        this.emit({ type: "pull_request", action: "synchronize", pull, actor: pusher, before: prev, at });
      } else if (pull.base === branch) {
        pull.baseSha = c.sha;
        pull.mergeableReadsPending = 1;
      }
    }
    for (const wf of WORKFLOWS) {
      if (!wf.pushBranches.includes(branch)) continue;
      this.startRun(wf.key, { event: "push", branch, actor: pusher, inputs: {}, at });
    }
  }

  startRun(
    key: WorkflowKey,
    o: {
      event: "push" | "workflow_dispatch";
      branch: string;
      actor: string;
      inputs: Record<string, string>;
      at: number;
    },
  ): Run {
    const headSha = this.graph.branches.get(o.branch) as string;
    const head = this.graph.get(headSha) as Commit;
    const { outcome, failJob } = decideOutcome(this, key, head, o.inputs, 1);
    const gated = key === "deploy-production" && this.approval === "required" && this.live;
    const run = this.runs.create({
      workflow: key,
      event: o.event,
      headBranch: o.branch,
      headSha,
      actor: o.actor,
      displayTitle: displayTitle(key, head, o.inputs),
      inputs: o.inputs,
      createdAt: o.at,
      outcome,
      failJob,
      gateJob: gated ? { job: "deploy", environment: "production" } : null,
    });
    return run;
  }

  rerun(run: Run, actor: string, at: number): void {
    const head = this.graph.get(run.headSha) as Commit;
    const { outcome, failJob } = decideOutcome(this, run.workflow, head, run.inputs, run.attempts.length + 1);
    const gated = run.workflow === "deploy-production" && this.approval === "required";
    this.runs.addAttempt(
      run,
      actor,
      at,
      outcome,
      failJob,
      gated ? { job: "deploy", environment: "production" } : null,
    );
  }

  cancel(run: Run, at: number): void {
    const a = latest(run);
    a.cancelledAt = Math.max(at, a.cursor + 1);
    this.runs.refresh(run, a);
    this.runs.active.add(run);
  }

  review(run: Run, state: "approved" | "rejected", reviewer: string, comment: string, at: number): void {
    const a = latest(run);
    if (!a.gate) return;
    const when = Math.max(at, a.cursor + 1);
    if (state === "approved") a.gate.approvedAt = when;
    else a.gate.rejectedAt = when;
    a.gate.reviewer = reviewer;
    a.gate.comment = comment;
    const gated = this.runs.plan(run, a).jobs.find((j) => j.name === a.gate?.job);
    this.runs.refresh(run, a);
    this.runs.active.add(run);
    this.emit({
      type: "deployment_review",
      action: state,
      run,
      attempt: a,
      jobIndex: gated?.index ?? 0,
      reviewer,
      comment,
      at: when,
    });
  }

  /** The target SHA's image digests: a merge commit deploys what CI built for its `testing` parent. */
  imagesFor(sha: string): Record<ImageName, string> | null {
    const c = this.graph.resolve(sha);
    if (!c) return null;
    if (c.images) return c.images;
    const second = c.parents[1] ? this.graph.get(c.parents[1]) : undefined;
    return second?.images ?? null;
  }

  buildImages(c: Commit): Record<ImageName, string> {
    if (!c.images) {
      const rng = derived(this.seed, `digest:${c.sha}`);
      c.images = Object.fromEntries(IMAGES.map((i) => [i, `sha256:${rng.hex(64)}`])) as Record<
        ImageName,
        string
      >;
    }
    return c.images;
  }

  /** The commit whose traits decide a deploy of `sha` (a merge commit behaves as its release). */
  releaseCommit(sha: string): Commit | undefined {
    const c = this.graph.resolve(sha);
    return c && c.parents.length > 1 ? this.graph.get(c.parents[1] as string) : c;
  }

  createPull(o: { head: string; base: string; title: string; body: string; user: string; at: number }): Pull {
    const number = this.nextPullNumber++;
    const pull: Pull = {
      number,
      id: 1_870_000_000 + number * 37,
      title: o.title,
      body: o.body,
      head: o.head,
      headSha: this.graph.branches.get(o.head) as string,
      base: o.base,
      baseSha: this.graph.branches.get(o.base) as string,
      state: "open",
      merged: false,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      createdAt: o.at,
      updatedAt: o.at,
      closedAt: null,
      user: o.user,
      mergeableReadsPending: 1,
      conflict: false,
    };
    this.pulls.set(number, pull);
    this.openPulls.add(pull);
    this.emit({ type: "pull_request", action: "opened", pull, actor: o.user, at: o.at });
    return pull;
  }

  openPull(head: string, base: string): Pull | undefined {
    for (const p of this.openPulls) if (p.head === head && p.base === base) return p;
    return undefined;
  }

  merge(pull: Pull, o: { actor: string; at: number; title?: string; message?: string }): Commit {
    const base = this.graph.branches.get(pull.base) as string;
    const title = o.title ?? `Merge pull request #${pull.number} from ${this.owner}/${pull.head}`;
    const c = this.commit([base, pull.headSha], {
      message: `${title}\n\n${o.message ?? pull.title}`,
      author: o.actor,
      at: o.at,
    });
    this.openPulls.delete(pull);
    Object.assign(pull, {
      state: "closed",
      merged: true,
      mergedAt: o.at,
      mergedBy: o.actor,
      mergeCommitSha: c.sha,
      closedAt: o.at,
      updatedAt: o.at,
    });
    this.emit({ type: "pull_request", action: "closed", pull, actor: o.actor, at: o.at });
    this.moveBranch(pull.base, c, o.actor, o.at, base);
    return c;
  }

  createDeployment(n: NewDeployment): Deployment {
    const d = this.deployments.create(n);
    this.emit({ type: "deployment", action: "created", deployment: d, at: n.at });
    return d;
  }

  addDeploymentStatus(d: Deployment, n: NewStatus): void {
    const { status, inactivated } = this.deployments.addStatus(d, n);
    this.emit({ type: "deployment_status", action: "created", deployment: d, status, at: n.at });
    for (const [other, s] of inactivated) {
      this.endNamespace(other, n.at);
      this.emit({ type: "deployment_status", action: "created", deployment: other, status: s, at: n.at });
    }
  }

  endNamespace(d: Deployment, at: number): void {
    const ns = typeof d.payload.namespace === "string" ? this.namespaces.get(d.payload.namespace) : undefined;
    if (ns && ns.removedAt === null && d.environment === "staging") ns.removedAt = at;
  }

  /** What the Azure fake needs: which SHA ran where and when, and whether its health degraded. */
  telemetry(): TelemetrySource {
    return { now: () => this.now(), deployments: (): TelemetryDeployment[] => telemetryDeployments(this) };
  }
}
