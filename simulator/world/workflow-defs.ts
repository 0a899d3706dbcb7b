import type { WorkflowKey } from "./types";

export interface WorkflowInput {
  description: string;
  required: boolean;
  type: "string" | "choice";
  options?: string[];
  default?: string;
}

export interface JobSpec {
  name: string;
  needs: string[];
  /** Seconds, min..max. */
  duration: [number, number];
  steps: string[];
  environment?: "staging" | "production";
  /** Runs only when an earlier job failed (the production auto-rollback). */
  ifFailure?: boolean;
}

export interface WorkflowDef {
  key: WorkflowKey;
  id: number;
  name: string;
  path: string;
  file: string;
  createdAt: string;
  pushBranches: string[];
  dispatchInputs: Record<string, WorkflowInput> | null;
  jobs: JobSpec[];
}

const checkout = ["Set up job", "Run actions/checkout@v4"];
const post = ["Post Run actions/checkout@v4", "Complete job"];
const testJob = (s: string): JobSpec => ({
  name: `test-${s}`,
  needs: [],
  duration: [70, 200],
  steps: [...checkout, "Set up Python 3.12", "Install dependencies", `Run pytest (${s})`, ...post],
});
const buildJob = (s: string): JobSpec => ({
  name: `build-push-${s}`,
  needs: ["lint", "test-product_service", "test-order_service", "test-customer_service"],
  duration: [90, 240],
  steps: [
    ...checkout,
    "Azure login",
    "Log in to ACR",
    `Build image ${s}`,
    `Push ${s}:\${sha} to ACR`,
    ...post,
  ],
});

export const WORKFLOWS: readonly WorkflowDef[] = [
  {
    key: "ci-staging",
    id: 61800101,
    name: "CI + staging",
    path: ".github/workflows/ci-staging.yml",
    file: "ci-staging.yml",
    createdAt: "2025-09-01T09:12:00Z",
    pushBranches: ["testing"],
    dispatchInputs: null,
    jobs: [
      {
        name: "lint",
        needs: [],
        duration: [30, 75],
        steps: [...checkout, "Set up Python 3.12", "Run ruff", ...post],
      },
      testJob("product_service"),
      testJob("order_service"),
      testJob("customer_service"),
      buildJob("product_service"),
      buildJob("order_service"),
      buildJob("customer_service"),
      buildJob("frontend"),
      {
        name: "deploy-staging",
        needs: [
          "build-push-product_service",
          "build-push-order_service",
          "build-push-customer_service",
          "build-push-frontend",
        ],
        duration: [60, 150],
        environment: "staging",
        steps: [
          ...checkout,
          "Azure login",
          "Set AKS context",
          "Create namespace",
          "Deploy manifests with digests",
          "Create GitHub deployment",
          ...post,
        ],
      },
      {
        name: "smoke",
        needs: ["deploy-staging"],
        duration: [30, 90],
        steps: [...checkout, "Wait for rollout", "Run smoke tests", "Report deployment status", ...post],
      },
    ],
  },
  {
    key: "staging-teardown",
    id: 61800102,
    name: "Staging teardown",
    path: ".github/workflows/staging-teardown.yml",
    file: "staging-teardown.yml",
    createdAt: "2025-09-01T09:12:00Z",
    pushBranches: [],
    dispatchInputs: {
      sha: { description: "Commit SHA whose staging namespace is removed", required: true, type: "string" },
      namespace: {
        description: "Kubernetes namespace to delete (staging-<short sha>)",
        required: true,
        type: "string",
      },
      correlation_id: {
        description: "Release Desk operation id, echoed in the run name",
        required: true,
        type: "string",
      },
    },
    jobs: [
      {
        name: "teardown",
        needs: [],
        duration: [30, 70],
        steps: [
          ...checkout,
          "Azure login",
          "Set AKS context",
          "Delete namespace",
          "Mark staging deployment inactive",
          ...post,
        ],
      },
    ],
  },
  {
    key: "deploy-production",
    id: 61800103,
    name: "Deploy production",
    path: ".github/workflows/deploy-production.yml",
    file: "deploy-production.yml",
    createdAt: "2025-09-01T09:12:00Z",
    pushBranches: ["main"],
    dispatchInputs: {
      sha: {
        description: "Commit SHA to deploy (its accepted image digests)",
        required: true,
        type: "string",
      },
      reason: {
        description: "Why this deploy happens",
        required: true,
        type: "choice",
        options: ["release", "rollback"],
        default: "release",
      },
      correlation_id: {
        description: "Release Desk operation id, echoed in the run name",
        required: true,
        type: "string",
      },
    },
    jobs: [
      {
        name: "resolve-digests",
        needs: [],
        duration: [15, 40],
        steps: [...checkout, "Azure login", "Resolve image digests for SHA", ...post],
      },
      {
        name: "deploy",
        needs: ["resolve-digests"],
        duration: [60, 160],
        environment: "production",
        steps: [
          ...checkout,
          "Azure login",
          "Set AKS context",
          "Create GitHub deployment",
          "Deploy manifests with digests",
          "Wait for rollout",
          ...post,
        ],
      },
      {
        name: "smoke",
        needs: ["deploy"],
        duration: [30, 90],
        steps: [...checkout, "Run smoke tests", "Report deployment status", ...post],
      },
      {
        name: "rollback-on-failure",
        needs: ["smoke"],
        duration: [40, 90],
        ifFailure: true,
        steps: [...checkout, "Azure login", "Redeploy previous SHA", "Report deployment status", ...post],
      },
    ],
  },
];

export function workflowByKey(key: WorkflowKey): WorkflowDef {
  const wf = WORKFLOWS.find((w) => w.key === key);
  if (!wf) throw new Error(`unknown workflow ${key}`);
  return wf;
}

/** GitHub accepts the numeric id or the file name (with or without the directory) as `workflow_id`. */
export function findWorkflow(idOrFile: string): WorkflowDef | undefined {
  return WORKFLOWS.find((w) => String(w.id) === idOrFile || w.file === idOrFile || w.path === idOrFile);
}
