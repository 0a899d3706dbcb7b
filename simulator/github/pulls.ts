import { isRecord } from "../http/body";
import { githubError, json, notFound, validationFailed } from "../http/respond";
import type { Router } from "../http/router";
import type { Simulation } from "../server";
import type { Pull } from "../world/types";
import { paginate } from "./pagination";
import { repoRoute, type RepoRequest } from "./repo-route";
import { pullShape, pullSimpleShape } from "./shapes/pull";

export function registerPullRoutes(router: Router, sim: Simulation): void {
  repoRoute(router, sim, "GET", "/pulls", "read", listPulls);
  repoRoute(router, sim, "POST", "/pulls", "write", createPull);
  repoRoute(router, sim, "GET", "/pulls/:pull_number", "read", (r) => {
    const pull = r.world.pulls.get(Number(r.req.params.pull_number));
    if (!pull) return notFound();
    return json(200, pullShape(r.sim.urls, r.world, pull, r.caller, readMergeable(pull)));
  });
  repoRoute(router, sim, "GET", "/pulls/:pull_number/merge", "read", (r) => {
    const pull = r.world.pulls.get(Number(r.req.params.pull_number));
    // The spec documents this 404 without a body.
    return { status: pull?.merged ? 204 : 404 };
  });
  repoRoute(router, sim, "PUT", "/pulls/:pull_number/merge", "write", mergePull);
}

/** GitHub computes mergeability in the background: the first read after a change sees null. */
function readMergeable(pull: Pull): boolean | null {
  if (pull.state !== "open") return null;
  if (pull.mergeableReadsPending > 0) {
    pull.mergeableReadsPending--;
    return null;
  }
  return !pull.conflict;
}

function listPulls(r: RepoRequest) {
  const q = r.req.query;
  const state = q.get("state") ?? "open";
  if (!["open", "closed", "all"].includes(state)) return validationFailed(`Invalid state: ${state}`);
  const head = q.get("head");
  const [headOwner, headBranch] = head?.includes(":") ? head.split(":", 2) : [r.world.owner, head];
  const base = q.get("base");
  const sort = q.get("sort") ?? "created";
  const direction = q.get("direction") ?? (sort === "created" ? "desc" : "asc");
  let pulls = [...r.world.pulls.values()].filter(
    (p) =>
      (state === "all" || p.state === state) &&
      (!head || (headOwner?.toLowerCase() === r.world.owner.toLowerCase() && p.head === headBranch)) &&
      (!base || p.base === base),
  );
  const key = (p: Pull) => (sort === "updated" ? p.updatedAt : p.createdAt);
  pulls = pulls.sort(
    (a, b) => (direction === "asc" ? key(a) - key(b) : key(b) - key(a)) || b.number - a.number,
  );
  const page = paginate(r.req, r.sim.urls, pulls.length, (s, e) => pulls.slice(s, e));
  return json(
    200,
    page.items.map((p) => pullSimpleShape(r.sim.urls, r.world, p, r.caller)),
    page.headers,
  );
}

function createPull(r: RepoRequest) {
  const body = isRecord(r.req.body) ? r.req.body : {};
  const { title, head, base } = body;
  const missing = ["title", "head", "base"].filter((k) => typeof body[k] !== "string" || body[k] === "");
  if (missing.length) {
    return validationFailed(
      "Validation Failed",
      missing.map((field) => ({ resource: "PullRequest", field, code: "missing_field" })),
    );
  }
  const headBranch = String(head).includes(":") ? (String(head).split(":")[1] ?? "") : String(head);
  const world = r.world;
  const invalid = [
    ...(world.graph.branches.has(headBranch) ? [] : ["head"]),
    ...(world.graph.branches.has(String(base)) ? [] : ["base"]),
  ];
  if (invalid.length) {
    return validationFailed(
      "Validation Failed",
      invalid.map((field) => ({ resource: "PullRequest", field, code: "invalid" })),
    );
  }
  if (world.openPull(headBranch, String(base))) {
    return validationFailed("Validation Failed", [
      {
        resource: "PullRequest",
        code: "custom",
        field: "",
        message: `A pull request already exists for ${world.owner}:${headBranch}.`,
      },
    ]);
  }
  const cmp = world.graph.compare(
    world.graph.branches.get(String(base)) as string,
    world.graph.branches.get(headBranch) as string,
  );
  if (cmp.aheadBy === 0) {
    return validationFailed("Validation Failed", [
      {
        resource: "PullRequest",
        code: "custom",
        field: "",
        message: `No commits between ${String(base)} and ${headBranch}`,
      },
    ]);
  }
  const pull = world.createPull({
    head: headBranch,
    base: String(base),
    title: String(title),
    body: typeof body.body === "string" ? body.body : "",
    user: r.caller.login,
    at: r.now,
  });
  return json(201, pullShape(r.sim.urls, world, pull, r.caller, readMergeable(pull)), {
    location: `${r.sim.urls.api}/repos/${world.owner}/${world.name}/pulls/${pull.number}`,
  });
}

/**
 * Merge guarded by the accepted head SHA: 409 when the head moved, 405 when the PR cannot be merged
 * (closed, conflicting, or a merge method the repository does not allow).
 */
function mergePull(r: RepoRequest) {
  const pull = r.world.pulls.get(Number(r.req.params.pull_number));
  if (!pull) return notFound();
  const body = isRecord(r.req.body) ? r.req.body : {};
  const method = typeof body.merge_method === "string" ? body.merge_method : "merge";
  if (!["merge", "squash", "rebase"].includes(method)) {
    return validationFailed("Invalid request.\n\nmerge_method must be one of: merge, squash, rebase.");
  }
  if (method !== "merge") {
    return githubError(
      405,
      `${method === "squash" ? "Squash" : "Rebase"} merges are not allowed on this repository.`,
    );
  }
  if (pull.state !== "open") return githubError(405, "Pull Request is not mergeable");
  if (typeof body.sha === "string" && body.sha !== pull.headSha) {
    return githubError(409, "Head branch was modified. Review and try the merge again.");
  }
  if (pull.conflict) return githubError(405, "Pull Request is not mergeable");
  const commit = r.world.merge(pull, {
    actor: r.caller.login,
    at: r.now,
    title: typeof body.commit_title === "string" ? body.commit_title : undefined,
    message: typeof body.commit_message === "string" ? body.commit_message : undefined,
  });
  r.world.tick(r.now);
  return json(200, { sha: commit.sha, merged: true, message: "Pull Request successfully merged" });
}
