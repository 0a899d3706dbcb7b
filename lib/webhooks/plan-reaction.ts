import { z } from "zod";
import type { LiveTopic } from "@/lib/live/live-change";
import type { OperationHints } from "@/lib/operations/wake-operations";
import type { AcceptedEvent } from "./accepted-events";

/** What a delivery should make the app do: which cached GitHub reads to revalidate, whom to tell. */
export interface Reaction {
  repository: { owner: string; repo: string } | null;
  /** Octokit route prefixes of the cached reads the event may have made out of date. */
  routePrefixes: string[];
  notify: { topic: LiveTopic; ids: number[] }[];
  /** Which running operations the event may have moved on (their worker then looks at once). */
  wake: OperationHints;
}

const ACTIONS = "GET /repos/{owner}/{repo}/actions/";
const DEPLOYMENTS = "GET /repos/{owner}/{repo}/deployments";
const ENVIRONMENTS = "GET /repos/{owner}/{repo}/environments";
const PULLS = "GET /repos/{owner}/{repo}/pulls";
const COMPARE = "GET /repos/{owner}/{repo}/compare/";
const COMMITS = "GET /repos/{owner}/{repo}/commits";
const BRANCHES = "GET /repos/{owner}/{repo}/branches";

// Payloads are hints: only the few ids we pass on are read, everything else is re-read from the API.
// Each field falls back to undefined on its own (`workflow_run` is null in some deployment events),
// so one odd field never costs the invalidation.
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(undefined);
const payloadSchema = z.object({
  repository: optional(z.object({ name: z.string(), owner: z.object({ login: z.string() }) })),
  workflow_run: optional(z.object({ id: z.number(), display_title: optional(z.string()) })),
  workflow_job: optional(z.object({ run_id: z.number() })),
  deployment: optional(
    z.object({
      id: z.number(),
      // Our workflows put the run and the correlation id of the dispatch in the deployment payload.
      payload: optional(z.object({ run_id: optional(z.number()), correlation_id: optional(z.string()) })),
    }),
  ),
  pull_request: optional(z.object({ number: z.number() })),
});

const ids = (...values: (number | null | undefined)[]) =>
  values.filter((v): v is number => typeof v === "number");
const texts = (...values: (string | null | undefined)[]) =>
  values.filter((v): v is string => typeof v === "string" && v.length > 0);
const NO_WAKE: OperationHints = { runIds: [], texts: [], pullNumbers: [] };

/** Maps an accepted event to its reaction. Pure, so each event's effect is easy to test. */
export function planReaction(event: AcceptedEvent, payload: unknown): Reaction {
  const parsed = payloadSchema.safeParse(payload);
  const p = parsed.success ? parsed.data : {};
  const repository = p.repository ? { owner: p.repository.owner.login, repo: p.repository.name } : null;
  const base = { repository, wake: NO_WAKE };
  switch (event) {
    case "workflow_run":
      return {
        ...base,
        routePrefixes: [ACTIONS],
        notify: [{ topic: "runs", ids: ids(p.workflow_run?.id) }],
        wake: { ...NO_WAKE, runIds: ids(p.workflow_run?.id), texts: texts(p.workflow_run?.display_title) },
      };
    case "workflow_job":
      return {
        ...base,
        routePrefixes: [ACTIONS],
        notify: [{ topic: "runs", ids: ids(p.workflow_job?.run_id) }],
        wake: { ...NO_WAKE, runIds: ids(p.workflow_job?.run_id) },
      };
    case "deployment":
      return {
        ...base,
        routePrefixes: [DEPLOYMENTS, ENVIRONMENTS],
        notify: [{ topic: "deployments", ids: ids(p.deployment?.id) }],
      };
    case "deployment_status":
      return {
        ...base,
        routePrefixes: [DEPLOYMENTS, ENVIRONMENTS],
        notify: [{ topic: "deployments", ids: ids(p.deployment?.id) }],
        wake: {
          ...NO_WAKE,
          runIds: ids(p.deployment?.payload?.run_id, p.workflow_run?.id),
          texts: texts(p.deployment?.payload?.correlation_id, p.workflow_run?.display_title),
        },
      };
    case "deployment_review":
      // An approval releases a waiting run (its pending deployments live under actions/runs).
      return {
        ...base,
        routePrefixes: [DEPLOYMENTS, ENVIRONMENTS, ACTIONS],
        notify: [
          { topic: "deployments", ids: [] },
          { topic: "runs", ids: ids(p.workflow_run?.id) },
        ],
      };
    case "pull_request":
      return {
        ...base,
        routePrefixes: [PULLS, COMPARE, COMMITS],
        notify: [{ topic: "pulls", ids: ids(p.pull_request?.number) }],
        wake: { ...NO_WAKE, pullNumbers: ids(p.pull_request?.number) },
      };
    case "push":
      // A new commit changes compares, commit lists and branch tips; its runs arrive as their own events.
      return {
        ...base,
        routePrefixes: [COMMITS, COMPARE, BRANCHES, PULLS],
        notify: [{ topic: "pulls", ids: [] }],
      };
    case "ping":
      return { ...base, routePrefixes: [], notify: [] };
  }
}
