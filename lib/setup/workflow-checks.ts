import type { CheckResult, DispatchInputContract } from "@/lib/setup/workflow-contract";
import { pushRunsOnBranch } from "@/lib/setup/branch-filter";
import { isRecord, type ParsedWorkflow } from "@/lib/setup/parse-workflow";

/** A check's outcome; the contract adds its id and title. */
export type Verdict = Pick<CheckResult, "status" | "detail" | "fix">;

const pass = (detail: string): Verdict => ({ status: "pass", detail, fix: "" });
const fail = (detail: string, fix: string): Verdict => ({ status: "fail", detail, fix });
const unknown = (detail: string, fix = ""): Verdict => ({ status: "unknown", detail, fix });

const unreadableTriggers = (): Verdict =>
  fail("`on:` is missing or is not an event name, a list or a mapping", "Declare the triggers under `on:`.");

export function checkPushTrigger(workflow: ParsedWorkflow, branch: string): Verdict {
  if (!workflow.triggersReadable) return unreadableTriggers();
  if (!workflow.triggers.has("push")) {
    return fail(
      `no push trigger: a push to \`${branch}\` does not start this workflow`,
      `Add \`push: { branches: [${branch}] }\` under \`on:\`.`,
    );
  }
  const verdict = pushRunsOnBranch(workflow.triggers.get("push"), branch);
  return verdict.runs
    ? pass(verdict.reason)
    : fail(
        `a push to \`${branch}\` does not start this workflow: ${verdict.reason}`,
        `Add \`${branch}\` to \`on.push.branches\`.`,
      );
}

export function checkDispatchTrigger(workflow: ParsedWorkflow): Verdict {
  if (!workflow.triggersReadable) return unreadableTriggers();
  return workflow.triggers.has("workflow_dispatch")
    ? pass("has a workflow_dispatch trigger")
    : fail("no workflow_dispatch trigger", "Add `workflow_dispatch:` with its inputs under `on:`.");
}

export function checkDispatchInput(workflow: ParsedWorkflow, input: DispatchInputContract): Verdict {
  if (!workflow.triggersReadable) return unreadableTriggers();
  if (!workflow.triggers.has("workflow_dispatch")) {
    return fail(
      `workflow_dispatch input \`${input.name}\` is missing (no workflow_dispatch trigger)`,
      "Add `workflow_dispatch:` with its inputs under `on:`.",
    );
  }
  const dispatch = workflow.triggers.get("workflow_dispatch");
  const inputs = isRecord(dispatch) && isRecord(dispatch.inputs) ? dispatch.inputs : {};
  const declared = inputs[input.name];
  const addIt = `Declare it under \`on.workflow_dispatch.inputs\`: \`${input.name}: { type: ${input.type}, required: true${
    input.options ? `, options: [${input.options.join(", ")}]` : ""
  } }\`.`;
  if (declared === undefined) return fail(`workflow_dispatch input \`${input.name}\` is missing`, addIt);
  const spec = isRecord(declared) ? declared : {};
  const type = typeof spec.type === "string" ? spec.type : "string";

  if (spec.required !== true) {
    return fail(
      `workflow_dispatch input \`${input.name}\` is not marked \`required: true\``,
      `Set \`required: true\` on input \`${input.name}\`: Release Desk always sends it.`,
    );
  }
  if (input.type === "string" && type !== "string") {
    return fail(
      `workflow_dispatch input \`${input.name}\` has type \`${type}\`; Release Desk sends a free-form string`,
      `Set \`type: string\` on input \`${input.name}\`.`,
    );
  }
  if (input.type === "choice") {
    if (type === "string")
      return pass(`declared as a string input (any of ${(input.options ?? []).join(", ")} is accepted)`);
    if (type !== "choice") {
      return fail(`workflow_dispatch input \`${input.name}\` has type \`${type}\`, not \`choice\``, addIt);
    }
    const options = Array.isArray(spec.options) ? spec.options.map(String) : [];
    const missing = (input.options ?? []).filter((option) => !options.includes(option));
    if (missing.length > 0) {
      return fail(
        `workflow_dispatch input \`${input.name}\` lacks the option${missing.length > 1 ? "s" : ""} ${missing
          .map((option) => `\`${option}\``)
          .join(", ")}`,
        `List ${(input.options ?? []).join(" and ")} under \`options:\` of input \`${input.name}\`.`,
      );
    }
  }
  return pass(`declared (type ${type}, required)`);
}

export function checkRunNameReference(workflow: ParsedWorkflow, reference: string): Verdict {
  const runName = workflow.root["run-name"];
  const wanted = `\${{ ${reference} }}`;
  const fix = `Include ${wanted} in \`run-name:\`, e.g. run-name: "Deploy \${{ inputs.sha }} [\${{ inputs.correlation_id }}]".`;
  if (typeof runName !== "string" || runName.trim() === "") {
    return fail(`no run-name, so it does not contain ${wanted}`, fix);
  }
  const expressions = [...runName.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((match) => match[1] ?? "");
  // `github.event.inputs.x` is the older spelling of `inputs.x`; both carry the dispatched value.
  const name = reference.replace(/^inputs\./, "");
  const pattern = new RegExp(`(^|[^\\w.])(github\\.event\\.)?inputs(\\.${name}\\b|\\[\\s*'${name}'\\s*\\])`);
  return expressions.some((expression) => pattern.test(expression))
    ? pass(`run-name: ${runName}`)
    : fail(`run-name does not contain ${wanted} (it is: ${runName})`, fix);
}

/**
 * Whether some job may write deployments. Without any `permissions:` block the token's rights come
 * from a repository setting the file cannot show, hence `unknown`.
 */
export function checkDeploymentsPermission(workflow: ParsedWorkflow): Verdict {
  const jobs = isRecord(workflow.root.jobs) ? workflow.root.jobs : {};
  const topLevel = workflow.root.permissions;
  let undeclared = false;
  for (const job of Object.values(jobs)) {
    const effective = isRecord(job) && job.permissions !== undefined ? job.permissions : topLevel;
    if (effective === undefined) undeclared = true;
    else if (grantsDeploymentsWrite(effective)) return pass("a job is granted `deployments: write`");
  }
  if (Object.keys(jobs).length === 0)
    return fail("the workflow has no jobs", "Add the jobs of the template.");
  if (undeclared) {
    return unknown(
      "some jobs declare no permissions, so their token has the repository's default rights",
      "Grant `permissions: { deployments: write }` to the job that records deployments.",
    );
  }
  return fail(
    "no job is granted `deployments: write`, so the workflow cannot record deployments or their statuses",
    "Add `deployments: write` to the `permissions:` of the job that records deployments.",
  );
}

function grantsDeploymentsWrite(permissions: unknown): boolean {
  if (permissions === "write-all") return true;
  return isRecord(permissions) && permissions.deployments === "write";
}

export function checkConcurrencyQueues(workflow: ParsedWorkflow): Verdict {
  const jobs = isRecord(workflow.root.jobs) ? Object.values(workflow.root.jobs) : [];
  const declared = [
    workflow.root.concurrency,
    ...jobs.map((job) => (isRecord(job) ? job.concurrency : undefined)),
  ].filter((value) => value !== undefined);
  const fix = "Add `concurrency: { group: production-deploy, cancel-in-progress: false }` at the top level.";
  if (declared.length === 0)
    return fail("no concurrency group: two production deploys could run at once", fix);
  for (const concurrency of declared) {
    const cancel = isRecord(concurrency) ? concurrency["cancel-in-progress"] : false;
    if (cancel === true) {
      return fail("cancel-in-progress: true would cancel a production deploy half-way", fix);
    }
    if (typeof cancel === "string") {
      return unknown(
        `cancel-in-progress is an expression (${cancel}); whether it cancels depends on the run`,
        fix,
      );
    }
  }
  return pass("deploys share a concurrency group and are not cancelled");
}
