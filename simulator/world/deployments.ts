import type { Deployment, DeploymentStatus } from "./types";

export interface NewDeployment {
  sha: string;
  ref: string;
  task?: string;
  payload: Record<string, unknown>;
  environment: string;
  description?: string | null;
  creator: string;
  at: number;
  production?: boolean;
  transient?: boolean;
  runId?: number | null;
}

export interface NewStatus {
  state: DeploymentStatus["state"];
  creator: string;
  description?: string;
  environmentUrl?: string;
  logUrl?: string;
  at: number;
  autoInactive?: boolean;
}

export interface DeploymentFilter {
  environment?: string | null;
  sha?: string | null;
  ref?: string | null;
  task?: string | null;
}

/** Deployments and their statuses, newest first on read as GitHub lists them. */
export class DeploymentStore {
  readonly all: Deployment[] = [];
  readonly byId = new Map<number, Deployment>();
  private readonly byEnvironment = new Map<string, Deployment[]>();
  private readonly bySha = new Map<string, Deployment[]>();
  /** Per environment, deployments whose latest status is success (candidates for auto-inactivation). */
  private readonly live = new Map<string, Set<Deployment>>();
  private nextId = 2_412_000_000;
  private nextStatusId = 6_130_000_000;
  /** Bumped on every status so derived views (telemetry) know when to recompute. */
  version = 0;

  constructor(private readonly step: () => number) {}

  create(n: NewDeployment): Deployment {
    this.nextId += this.step();
    const d: Deployment = {
      id: this.nextId,
      sha: n.sha,
      ref: n.ref,
      task: n.task ?? "deploy",
      payload: n.payload,
      environment: n.environment,
      originalEnvironment: n.environment,
      description: n.description ?? null,
      creator: n.creator,
      createdAt: n.at,
      updatedAt: n.at,
      production: n.production ?? n.environment === "production",
      transient: n.transient ?? false,
      statuses: [],
      runId: n.runId ?? null,
    };
    this.all.push(d);
    this.byId.set(d.id, d);
    const list = this.byEnvironment.get(d.environment) ?? [];
    list.push(d);
    this.byEnvironment.set(d.environment, list);
    const same = this.bySha.get(d.sha) ?? [];
    same.push(d);
    this.bySha.set(d.sha, same);
    return d;
  }

  /**
   * Adds a status. Like GitHub's `auto_inactive` (default true), a `success` marks earlier
   * non-production, non-transient deployments of the same environment `inactive`; the extra
   * statuses are returned so the caller can announce them.
   */
  addStatus(
    d: Deployment,
    n: NewStatus,
  ): { status: DeploymentStatus; inactivated: Array<[Deployment, DeploymentStatus]> } {
    const status = this.push(d, n);
    const inactivated: Array<[Deployment, DeploymentStatus]> = [];
    if (n.state === "success" && (n.autoInactive ?? true) && !d.production && !d.transient) {
      for (const other of [...(this.live.get(d.environment) ?? [])]) {
        if (other === d || other.id > d.id) continue;
        {
          inactivated.push([
            other,
            this.push(other, {
              state: "inactive",
              creator: n.creator,
              at: n.at,
              description: "Superseded by a newer deployment",
            }),
          ]);
        }
      }
    }
    return { status, inactivated };
  }

  latestState(d: Deployment): DeploymentStatus["state"] | null {
    return d.statuses[d.statuses.length - 1]?.state ?? null;
  }

  list(filter: DeploymentFilter): Deployment[] {
    const source = filter.sha
      ? (this.bySha.get(filter.sha) ?? [])
      : filter.environment
        ? (this.byEnvironment.get(filter.environment) ?? [])
        : this.all;
    const out: Deployment[] = [];
    for (let i = source.length - 1; i >= 0; i--) {
      const d = source[i] as Deployment;
      if (filter.environment && d.environment !== filter.environment) continue;
      if (filter.sha && d.sha !== filter.sha) continue;
      if (filter.ref && d.ref !== filter.ref) continue;
      if (filter.task && d.task !== filter.task) continue;
      out.push(d);
    }
    return out;
  }

  environments(): string[] {
    return [...this.byEnvironment.keys()];
  }

  private push(d: Deployment, n: NewStatus): DeploymentStatus {
    this.nextStatusId += 1 + (this.nextStatusId % 7);
    const status: DeploymentStatus = {
      id: this.nextStatusId,
      state: n.state,
      creator: n.creator,
      description: n.description ?? "",
      environmentUrl: n.environmentUrl ?? "",
      logUrl: n.logUrl ?? "",
      createdAt: n.at,
    };
    d.statuses.push(status);
    d.updatedAt = n.at;
    this.version++;
    const live = this.live.get(d.environment) ?? new Set<Deployment>();
    this.live.set(d.environment, live);
    if (n.state === "success") live.add(d);
    else live.delete(d);
    return status;
  }
}
