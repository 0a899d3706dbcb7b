import type { Attempt, Commit, Deployment, DeploymentStatus, Pull, Run } from "./types";

/** Changes the world announces; the webhook module turns them into GitHub deliveries. */
export type WorldEvent =
  | {
      type: "workflow_run";
      action: "requested" | "in_progress" | "completed";
      run: Run;
      attempt: Attempt;
      at: number;
    }
  | {
      type: "workflow_job";
      action: "queued" | "waiting" | "in_progress" | "completed";
      run: Run;
      attempt: Attempt;
      jobIndex: number;
      at: number;
    }
  | { type: "deployment"; action: "created"; deployment: Deployment; at: number }
  | {
      type: "deployment_status";
      action: "created";
      deployment: Deployment;
      status: DeploymentStatus;
      at: number;
    }
  | {
      type: "pull_request";
      action: "opened" | "closed" | "synchronize";
      pull: Pull;
      actor: string;
      before?: string;
      at: number;
    }
  | {
      type: "deployment_review";
      action: "requested" | "approved" | "rejected";
      run: Run;
      attempt: Attempt;
      jobIndex: number;
      reviewer: string | null;
      comment: string | null;
      at: number;
    }
  | {
      type: "push";
      ref: string;
      before: string;
      after: string;
      commits: Commit[];
      pusher: string;
      at: number;
    };

export type WorldListener = (event: WorldEvent) => void;
