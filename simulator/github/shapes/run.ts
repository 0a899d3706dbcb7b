import { findIdentity, SERVER_BOT } from "../../identities";
import type { Urls } from "../../urls";
import { attemptStatusAt } from "../../world/run-plan";
import type { Attempt, Run } from "../../world/types";
import { workflowByKey } from "../../world/workflow-defs";
import type { World } from "../../world/world";
import { gitPerson } from "./git-user";
import { nodeId } from "./node-id";
import { minimalRepository } from "./repository";
import { iso } from "./time";
import { simpleUser } from "./user";

/** A run as the API reports it at world time `at` (webhooks pass the time of the event). */
export function runShape(
  urls: Urls,
  world: World,
  run: Run,
  at: number,
  attempt: Attempt = run.attempts[run.attempts.length - 1] as Attempt,
) {
  const wf = workflowByKey(run.workflow);
  const full = `${world.owner}/${world.name}`;
  const api = `${urls.api}/repos/${full}/actions/runs/${run.id}`;
  const plan = attempt.gate ? world.runs.plan(run, attempt) : null;
  const status = attemptStatusAt(attempt, plan, at);
  const done = status === "completed";
  const head = world.graph.get(run.headSha);
  const updated = done
    ? (attempt.completedAt as number)
    : at >= attempt.startedAt
      ? attempt.startedAt
      : attempt.createdAt;
  const repo = minimalRepository(urls, world);
  const actor = simpleUser(urls, findIdentity(run.actor) ?? SERVER_BOT);
  const first = run.attempts[0] as Attempt;
  return {
    id: run.id,
    name: wf.name,
    node_id: nodeId("WorkflowRun", run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: wf.path,
    display_title: run.displayTitle,
    run_number: run.runNumber,
    event: run.event,
    status,
    conclusion: done ? attempt.conclusion : null,
    workflow_id: wf.id,
    check_suite_id: checkSuiteId(run, attempt),
    check_suite_node_id: nodeId("CheckSuite", checkSuiteId(run, attempt)),
    url: api,
    html_url: `${urls.web}/${full}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: iso(first.createdAt),
    updated_at: iso(updated),
    actor,
    run_attempt: attempt.number,
    referenced_workflows: [],
    run_started_at: iso(attempt.startedAt),
    triggering_actor: simpleUser(urls, findIdentity(attempt.actor) ?? SERVER_BOT),
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${urls.api}/repos/${full}/check-suites/${checkSuiteId(run, attempt)}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: attempt.number > 1 ? `${api}/attempts/${attempt.number - 1}` : null,
    workflow_url: `${urls.api}/repos/${full}/actions/workflows/${wf.id}`,
    head_commit: head
      ? {
          id: head.sha,
          tree_id: head.treeSha,
          message: head.message,
          timestamp: iso(head.at),
          author: pick(gitPerson(head.author, iso(head.at))),
          committer: pick(gitPerson(head.committer, iso(head.at))),
        }
      : null,
    repository: repo,
    head_repository: repo,
  };
}

export function checkSuiteId(run: Run, attempt: Attempt): number {
  return 33_500_000_000 + run.index * 8 + attempt.number - 1;
}

function pick(p: { name: string; email: string }) {
  return { name: p.name, email: p.email };
}
