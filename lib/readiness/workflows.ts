import type { FileContents } from "@/lib/github/get-file-contents";
import type { Workflow, WorkflowsPage } from "@/lib/github/list-workflows";
import { isRecord, parseWorkflow } from "@/lib/setup/parse-workflow";
import { checkWorkflowFile, WORKFLOW_CONTRACT, type WorkflowRole } from "@/lib/setup/workflow-contract";
import { failed, notKnown, passed, type ReadinessCheck, type ReadOutcome } from "./check";
import { describeReadFailure } from "./describe-read-failure";

/** The variable that names each workflow's file (README, Configuration). */
export const WORKFLOW_VARIABLES: Readonly<Record<WorkflowRole, string>> = {
  ciStaging: "WORKFLOW_CI_STAGING",
  teardown: "WORKFLOW_STAGING_TEARDOWN",
  productionDeploy: "WORKFLOW_PRODUCTION_DEPLOY",
};

export interface WorkflowReadinessInput {
  role: WorkflowRole;
  /** The configured file name, e.g. `deploy-production.yml`. */
  file: string;
  /** The repository's default branch; null when the repository could not be read. */
  defaultBranch: string | null;
  /** The file at the default branch (`null`: it does not exist there). */
  contents: ReadOutcome<FileContents | null>;
  /** The workflows GitHub Actions has registered, to tell whether this one is enabled. */
  registered: ReadOutcome<WorkflowsPage>;
  /** Companion files the workflow uses, read at the default branch, by path. */
  companions: ReadonlyMap<string, ReadOutcome<FileContents | null>>;
  /** The configured pipeline branches, which the push triggers must name. */
  branches?: { staging: string; production: string };
}

export interface WorkflowReadiness {
  role: WorkflowRole;
  title: string;
  file: string;
  path: string;
  checks: ReadinessCheck[];
}

/** GitHub resolves a workflow by its file name under `.github/workflows/`; a full path is accepted too. */
export function workflowPath(file: string): string {
  return file.includes("/") ? file.replace(/^\/+/, "") : `.github/workflows/${file}`;
}

/** `templates/github/…` is installed as `.github/…` in the target repository (templates/README.md). */
export function templatePath(repoPath: string): string {
  return `templates/${repoPath.replace(/^\./, "")}`;
}

/**
 * The existence check, then (once the file is there) whether Actions has it enabled, every row of the
 * workflow contract, and the companion files it calls.
 */
export function workflowReadiness(input: WorkflowReadinessInput): WorkflowReadiness {
  const contract = WORKFLOW_CONTRACT[input.role];
  const path = workflowPath(input.file);
  const prefix = `workflow.${input.role}`;
  const base = { role: input.role, title: contract.title, file: input.file, path };
  const branch = input.defaultBranch ? `\`${input.defaultBranch}\`` : "the default branch";
  const existsHead = { id: `${prefix}.exists`, title: `\`${path}\` is on the default branch` };
  const template = templatePath(contract.defaultPath);

  if (!input.contents.ok) {
    return {
      ...base,
      checks: [
        notKnown(
          existsHead,
          `could not read ${path}: ${describeReadFailure(input.contents.error)}`,
          "Check that the server's token can read the repository's contents (Contents: read).",
        ),
      ],
    };
  }
  const file = input.contents.value;
  if (!file) {
    return {
      ...base,
      checks: [
        failed(
          existsHead,
          `${path} does not exist on ${branch}. GitHub reads a workflow's triggers and dispatch inputs from the default branch only, so Release Desk cannot run it. The other checks of this workflow run once the file exists.`,
          `Copy ${template} to ${path} and merge it into ${branch}, or set ${WORKFLOW_VARIABLES[input.role]} to the name of the workflow file you use.`,
        ),
      ],
    };
  }

  const contractRows = checkWorkflowFile(input.role, file.text, input.branches).map((row) => ({
    ...row,
    id: `${prefix}.contract.${row.id}`,
    level: "required" as const,
  }));
  return {
    ...base,
    checks: [
      passed(existsHead, `found on ${branch} (blob ${file.sha.slice(0, 7)})`),
      enabledCheck(prefix, path, input.registered),
      ...contractRows,
      ...companionChecks(prefix, input.role, file.text, input.companions),
    ],
  };
}

function enabledCheck(prefix: string, path: string, registered: ReadOutcome<WorkflowsPage>): ReadinessCheck {
  const head = { id: `${prefix}.enabled`, title: "Enabled in GitHub Actions" };
  if (!registered.ok) {
    return notKnown(
      head,
      `could not list the repository's workflows: ${describeReadFailure(registered.error)}`,
    );
  }
  const workflow: Workflow | undefined = registered.value.workflows.find((w) => w.path === path);
  if (!workflow) {
    return registered.value.hasNext
      ? notKnown(head, "the repository has more than 100 workflows; this one is not among the first 100")
      : notKnown(
          head,
          "GitHub Actions does not list this workflow yet (it registers a workflow file when a push contains it)",
          "Push a commit to the default branch that contains the file, then check again.",
        );
  }
  if (workflow.state === "active") return passed(head, `active (“${workflow.name}”, id ${workflow.id})`);
  return failed(
    head,
    `the workflow is ${workflow.state.replace(/_/g, " ")}, so neither pushes nor dispatches start it`,
    `Enable it: Actions → “${workflow.name}” → ··· → Enable workflow.`,
  );
}

/**
 * A companion (the template's local composite action) must exist when the workflow calls it; a
 * workflow written without it does not need it.
 */
function companionChecks(
  prefix: string,
  role: WorkflowRole,
  yamlText: string,
  companions: ReadonlyMap<string, ReadOutcome<FileContents | null>>,
): ReadinessCheck[] {
  return WORKFLOW_CONTRACT[role].companionFiles.map((companion) => {
    const head = { id: `${prefix}.companion.${companion}`, title: `Companion \`${companion}\`` };
    const directory = companion.replace(/\/[^/]+$/, "");
    const used = usesLocalAction(yamlText, directory);
    if (used === false) return passed(head, `not needed: the workflow does not call ./${directory}`);
    const read = companions.get(companion);
    if (!read) return notKnown(head, "not checked");
    if (!read.ok) return notKnown(head, `could not read ${companion}: ${describeReadFailure(read.error)}`);
    if (read.value) return passed(head, `found (blob ${read.value.sha.slice(0, 7)}), used by the workflow`);
    return failed(
      head,
      `the workflow calls ./${directory}, but ${companion} does not exist on the default branch, so the job fails`,
      `Copy ${templatePath(companion)} to ${companion} on the default branch.`,
    );
  });
}

/** Whether a job or step `uses: ./<directory>`; null when the file cannot be read as a workflow. */
export function usesLocalAction(yamlText: string, directory: string): boolean | null {
  const parsed = parseWorkflow(yamlText);
  if (!parsed.ok) return null;
  const jobs = isRecord(parsed.workflow.root.jobs) ? Object.values(parsed.workflow.root.jobs) : [];
  // A local action is always written `./path`; without the `./` it would name another repository.
  const wanted = `./${directory.replace(/^\.\//, "").replace(/\/+$/, "")}`;
  const matches = (uses: unknown) => typeof uses === "string" && uses.trim().replace(/\/+$/, "") === wanted;
  return jobs.some((job) => {
    if (!isRecord(job)) return false;
    if (matches(job.uses)) return true;
    const steps = Array.isArray(job.steps) ? job.steps : [];
    return steps.some((step) => isRecord(step) && matches(step.uses));
  });
}

/** The companion files to read for a workflow: those it calls (all of them when that is unclear). */
export function companionsToRead(role: WorkflowRole, yamlText: string): string[] {
  return WORKFLOW_CONTRACT[role].companionFiles.filter(
    (companion) => usesLocalAction(yamlText, companion.replace(/\/[^/]+$/, "")) !== false,
  );
}
