import { parseWorkflow, type ParsedWorkflow } from "@/lib/setup/parse-workflow";
import {
  type Verdict,
  checkConcurrencyQueues,
  checkDeploymentsPermission,
  checkDispatchInput,
  checkDispatchTrigger,
  checkPushTrigger,
  checkRunNameReference,
} from "@/lib/setup/workflow-checks";

/** The three workflows of the target repository that Release Desk drives (DESIGN.md, "The contract"). */
export type WorkflowRole = "ciStaging" | "teardown" | "productionDeploy";

export type CheckStatus = "pass" | "fail" | "unknown";

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  /** What was found, in words; for a failure, what is wrong. */
  detail: string;
  /** What to change in the workflow file; empty when nothing needs changing. */
  fix: string;
}

export interface DispatchInputContract {
  name: string;
  type: "string" | "choice";
  /** For a choice input: the values Release Desk sends. */
  options?: readonly string[];
  description: string;
}

export interface WorkflowContract {
  role: WorkflowRole;
  title: string;
  /** Where the bundled template installs; the actual file name is configurable. */
  defaultPath: string;
  /** Branches whose push must start the workflow. */
  pushBranches: readonly string[];
  /** Whether Release Desk dispatches it (then every input below must exist and be required). */
  dispatch: boolean;
  dispatchInputs: readonly DispatchInputContract[];
  /** Expressions the run-name must reference, so Release Desk finds the run it dispatched. */
  runNameReferences: readonly string[];
  /** The GitHub deployment environment the workflow records deployments in. */
  deploymentEnvironment: "staging" | "production";
  /** Production deploys must queue behind each other, never be cancelled half-way. */
  queued: boolean;
  /** Other files of the template the workflow uses (a local composite action). */
  companionFiles: readonly string[];
}

const correlationId: DispatchInputContract = {
  name: "correlation_id",
  type: "string",
  description: "Release Desk's id for the request, echoed in the run-name",
};

export const WORKFLOW_CONTRACT: Readonly<Record<WorkflowRole, WorkflowContract>> = {
  ciStaging: {
    role: "ciStaging",
    title: "CI + staging",
    defaultPath: ".github/workflows/ci-staging.yml",
    pushBranches: ["testing"],
    dispatch: false,
    dispatchInputs: [],
    runNameReferences: [],
    deploymentEnvironment: "staging",
    queued: false,
    companionFiles: [".github/actions/deploy-release/action.yml"],
  },
  teardown: {
    role: "teardown",
    title: "Staging teardown",
    defaultPath: ".github/workflows/staging-teardown.yml",
    pushBranches: [],
    dispatch: true,
    dispatchInputs: [
      { name: "sha", type: "string", description: "the full commit SHA whose staging namespace goes" },
      { name: "namespace", type: "string", description: "the staging namespace, staging-<short sha>" },
      correlationId,
    ],
    runNameReferences: ["inputs.correlation_id"],
    deploymentEnvironment: "staging",
    queued: false,
    companionFiles: [],
  },
  productionDeploy: {
    role: "productionDeploy",
    title: "Production deploy",
    defaultPath: ".github/workflows/deploy-production.yml",
    pushBranches: ["main"],
    dispatch: true,
    dispatchInputs: [
      { name: "sha", type: "string", description: "the full commit SHA to deploy" },
      {
        name: "reason",
        type: "choice",
        options: ["release", "rollback"],
        description: "release or rollback",
      },
      correlationId,
    ],
    runNameReferences: ["inputs.sha", "inputs.correlation_id"],
    deploymentEnvironment: "production",
    queued: true,
    companionFiles: [".github/actions/deploy-release/action.yml"],
  },
};

/**
 * Checks one workflow file against the contract for its role. Pure: the caller fetches the file.
 * Every check of the role is always listed, so a page can show the same rows for every file; the
 * ones that could not be evaluated are `unknown`.
 */
export function checkWorkflowFile(
  role: WorkflowRole,
  yamlText: string,
  /** The installation's branch names (BRANCH_STAGING, BRANCH_PRODUCTION); defaults testing/main. */
  branches: { staging: string; production: string } = { staging: "testing", production: "main" },
): CheckResult[] {
  const base = WORKFLOW_CONTRACT[role];
  const contract: WorkflowContract = {
    ...base,
    pushBranches: base.pushBranches.map((b) =>
      b === "testing" ? branches.staging : b === "main" ? branches.production : b,
    ),
  };
  const parsed = parseWorkflow(yamlText);
  const plan = checkPlan(contract);

  if (!parsed.ok) {
    const headline: CheckResult =
      parsed.stage === "yaml"
        ? {
            id: "yaml",
            title: "The file is valid YAML",
            status: "fail",
            detail: `could not parse YAML: ${parsed.message}`,
            fix: "Correct the YAML at the position shown (indentation, an unclosed bracket or quote).",
          }
        : {
            id: "yaml",
            title: "The file is valid YAML",
            status: "fail",
            detail: `not a workflow: ${parsed.message}`,
            fix: "A workflow file is a mapping with `on:` and `jobs:` at the top level.",
          };
    return [
      headline,
      ...plan.map(({ id, title }) => ({
        id,
        title,
        status: "unknown" as const,
        detail: "not checked: the file could not be read as a workflow",
        fix: "",
      })),
    ];
  }

  const workflow = parsed.workflow;
  return [
    { id: "yaml", title: "The file is valid YAML", status: "pass", detail: "parsed", fix: "" },
    ...plan.map(({ id, title, run }) => ({ id, title, ...run(workflow) })),
  ];
}

interface PlannedCheck {
  id: string;
  title: string;
  run: (workflow: ParsedWorkflow) => Verdict;
}

function checkPlan(contract: WorkflowContract): PlannedCheck[] {
  const plan: PlannedCheck[] = [];
  for (const branch of contract.pushBranches) {
    plan.push({
      id: `trigger.push.${branch}`,
      title: `Runs on push to \`${branch}\``,
      run: (workflow) => checkPushTrigger(workflow, branch),
    });
  }
  if (contract.dispatch) {
    plan.push({
      id: "trigger.workflow_dispatch",
      title: "Can be dispatched (workflow_dispatch)",
      run: checkDispatchTrigger,
    });
    for (const input of contract.dispatchInputs) {
      plan.push({
        id: `input.${input.name}`,
        title: `workflow_dispatch input \`${input.name}\``,
        run: (workflow) => checkDispatchInput(workflow, input),
      });
    }
  }
  for (const reference of contract.runNameReferences) {
    plan.push({
      id: `run-name.${reference}`,
      title: `run-name contains \${{ ${reference} }}`,
      run: (workflow) => checkRunNameReference(workflow, reference),
    });
  }
  plan.push({
    id: "permissions.deployments",
    title: `May record deployments (environment \`${contract.deploymentEnvironment}\`)`,
    run: checkDeploymentsPermission,
  });
  if (contract.queued) {
    plan.push({
      id: "concurrency.queued",
      title: "Deploys queue, never cancel each other",
      run: checkConcurrencyQueues,
    });
  }
  return plan;
}
