import type { Prng } from "./prng";
import type { Commit, FileChange, WorkflowKey } from "./types";

/** The run-name each workflow file declares (GitHub reports it as `display_title`). */
export function displayTitle(key: WorkflowKey, head: Commit, inputs: Record<string, string>): string {
  if (key === "staging-teardown") return `Teardown ${inputs.sha ?? ""} [${inputs.correlation_id ?? ""}]`;
  if (key === "deploy-production") {
    return `Deploy ${inputs.sha || head.sha} (${inputs.reason || "release"}) [${inputs.correlation_id || "push"}]`;
  }
  // A push run without run-name is titled with the head commit's subject.
  return head.message.split("\n")[0] ?? "";
}

export function pullTitle(c: Commit): string {
  return `Release ${c.sha.slice(0, 7)}: ${c.message.split("\n")[0] ?? ""}`;
}

/** A plausible diff for a commit, touching the service its message names. */
export function fileChanges(rng: Prng, message: string): FileChange[] {
  const service = /order/.test(message)
    ? "order_service"
    : /customer/.test(message)
      ? "customer_service"
      : /front|ui/i.test(message)
        ? "frontend"
        : "product_service";
  const files = [
    `${service}/app/main.py`,
    `${service}/tests/test_api.py`,
    `${service}/app/models.py`,
    "k8s/base/kustomization.yaml",
  ];
  const n = rng.int(1, 3);
  return files.slice(0, n).map((filename, i) => ({
    filename,
    status: i === 0 ? "modified" : rng.pick(["modified", "added"] as const),
    additions: rng.int(1, 80),
    deletions: rng.int(0, 30),
  }));
}
