import { isRecord } from "../http/body";
import { json, notFound, validationFailed } from "../http/respond";
import type { Router } from "../http/router";
import type { Simulation } from "../server";
import { findWorkflow, WORKFLOWS, type WorkflowDef } from "../world/workflow-defs";
import { paginate } from "./pagination";
import { repoRoute, type RepoRequest } from "./repo-route";
import { workflowShape } from "./shapes/workflow";

export function registerWorkflowRoutes(router: Router, sim: Simulation): void {
  repoRoute(router, sim, "GET", "/actions/workflows", "read", (r) => {
    const page = paginate(r.req, r.sim.urls, WORKFLOWS.length, (s, e) => WORKFLOWS.slice(s, e));
    return json(
      200,
      {
        total_count: WORKFLOWS.length,
        workflows: page.items.map((wf) => workflowShape(r.sim.urls, r.world, wf)),
      },
      page.headers,
    );
  });
  repoRoute(router, sim, "GET", "/actions/workflows/:workflow_id", "read", (r) => {
    const wf = findWorkflow(r.req.params.workflow_id ?? "");
    return wf ? json(200, workflowShape(r.sim.urls, r.world, wf)) : notFound();
  });
  repoRoute(router, sim, "POST", "/actions/workflows/:workflow_id/dispatches", "write", dispatch);
}

/**
 * `workflow_dispatch` with GitHub's validation: the ref must be a branch or tag (never a SHA), the
 * inputs must be declared, required ones present, choices valid. With `return_run_details` the new
 * run is returned (200); otherwise 204.
 */
function dispatch(r: RepoRequest) {
  const wf = findWorkflow(r.req.params.workflow_id ?? "");
  if (!wf) return notFound();
  const body = isRecord(r.req.body) ? r.req.body : {};
  if (!wf.dispatchInputs) return validationFailed("Workflow does not have 'workflow_dispatch' trigger");
  const ref = body.ref;
  if (typeof ref !== "string" || ref === "")
    return validationFailed('Invalid request.\n\n"ref" wasn\'t supplied.');
  const branch = r.world.graph.isBranchOrTag(ref) ? ref.replace(/^refs\/(heads|tags)\//, "") : null;
  if (!branch) return validationFailed(`No ref found for: ${ref}`);
  const inputs = validateInputs(wf, body.inputs);
  if (typeof inputs === "string") return validationFailed(inputs);

  const run = r.world.startRun(wf.key, {
    event: "workflow_dispatch",
    branch,
    actor: r.caller.login,
    inputs,
    at: r.now,
  });
  r.world.tick(r.now);
  if (body.return_run_details !== true) return { status: 204 };
  const full = `${r.world.owner}/${r.world.name}`;
  return json(200, {
    workflow_run_id: run.id,
    run_url: `${r.sim.urls.api}/repos/${full}/actions/runs/${run.id}`,
    html_url: `${r.sim.urls.web}/${full}/actions/runs/${run.id}`,
  });
}

function validateInputs(wf: WorkflowDef, raw: unknown): Record<string, string> | string {
  const declared = wf.dispatchInputs ?? {};
  if (raw !== undefined && raw !== null && !isRecord(raw))
    return "Invalid request.\n\nFor 'properties/inputs', is not an object.";
  const given = raw ?? {};
  const keys = Object.keys(given);
  if (keys.length > 25) return "you may only define up to 25 `inputs` for a `workflow_dispatch` event";
  const unexpected = keys.filter((k) => !(k in declared));
  if (unexpected.length) return `Unexpected inputs provided: ${JSON.stringify(unexpected)}`;
  const out: Record<string, string> = {};
  for (const [name, def] of Object.entries(declared)) {
    const v = given[name];
    if (v === undefined || v === null || v === "") {
      if (def.default !== undefined) out[name] = def.default;
      else if (def.required) return `Required input '${name}' not provided`;
      continue;
    }
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
      return `Invalid request.\n\nFor 'properties/${name}', ${JSON.stringify(v)} is not a string.`;
    }
    const value = String(v);
    if (def.type === "choice" && def.options && !def.options.includes(value)) {
      return `Provided value '${value}' for input '${name}' not in the list of allowed values`;
    }
    out[name] = value;
  }
  return out;
}
