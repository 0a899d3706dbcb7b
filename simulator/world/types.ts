export type WorkflowKey = "ci-staging" | "staging-teardown" | "deploy-production";
export type RunEvent = "push" | "workflow_dispatch";
export type RunStatus = "queued" | "in_progress" | "waiting" | "completed";
export type Conclusion = "success" | "failure" | "cancelled" | "skipped";

export const SERVICES = ["product_service", "order_service", "customer_service"] as const;
export const IMAGES = [...SERVICES, "frontend"] as const;
export type ImageName = (typeof IMAGES)[number];

/** What the seeded history (or a `/_sim/push`) decided about a commit's fate in the pipeline. */
export interface CommitTraits {
  ci: "success" | "failure" | "flaky";
  /** Where a failing CI breaks: before anything is deployed, or in the staging smoke test. */
  ciFailsAt: "test" | "smoke";
  deploy: "success" | "failure";
  /** Production health degrades after this commit is deployed (the "bad" commit). */
  degraded: boolean;
}

export interface FileChange {
  filename: string;
  status: "added" | "modified" | "removed";
  additions: number;
  deletions: number;
}

export interface Commit {
  sha: string;
  treeSha: string;
  message: string;
  author: string;
  committer: string;
  at: number;
  parents: string[];
  /** Longest path to a root + 1; bounds ancestry walks. */
  generation: number;
  /** Number of commits reachable from this one (itself included): gives ahead/behind counts. */
  ancestorCount: number;
  traits: CommitTraits;
  /** Image digests pushed by CI for this commit (null until built). */
  images: Record<ImageName, string> | null;
  files: FileChange[];
}

export interface Gate {
  job: string;
  environment: string;
  approvedAt: number | null;
  rejectedAt: number | null;
  reviewer: string | null;
  comment: string | null;
}

export interface Attempt {
  number: number;
  actor: string;
  createdAt: number;
  startedAt: number;
  outcome: "success" | "failure";
  /** The job that fails when the outcome is failure. */
  failJob: string | null;
  cancelledAt: number | null;
  gate: Gate | null;
  /** Derived from the plan; null while undetermined (waiting for a reviewer). */
  completedAt: number | null;
  conclusion: Conclusion | null;
  /** World time up to which this attempt's transitions were applied. */
  cursor: number;
}

export interface Run {
  id: number;
  /** Ordinal in creation order; used to derive job and check-suite ids. */
  index: number;
  workflow: WorkflowKey;
  runNumber: number;
  event: RunEvent;
  headBranch: string;
  headSha: string;
  actor: string;
  displayTitle: string;
  /** Dispatch inputs; GitHub's run object never exposes them. */
  inputs: Record<string, string>;
  attempts: Attempt[];
}

export interface DeploymentStatus {
  id: number;
  state: "queued" | "in_progress" | "success" | "failure" | "error" | "inactive" | "pending";
  creator: string;
  description: string;
  environmentUrl: string;
  logUrl: string;
  createdAt: number;
}

export interface Deployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  payload: Record<string, unknown>;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  creator: string;
  createdAt: number;
  updatedAt: number;
  production: boolean;
  transient: boolean;
  statuses: DeploymentStatus[];
  runId: number | null;
}

export interface Pull {
  number: number;
  id: number;
  title: string;
  body: string;
  head: string;
  headSha: string;
  base: string;
  baseSha: string;
  state: "open" | "closed";
  merged: boolean;
  mergedAt: number | null;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  user: string;
  /** GETs that still answer `mergeable: null` (GitHub computes mergeability in the background). */
  mergeableReadsPending: number;
  conflict: boolean;
}
