import { json, notFound, validationFailed } from "../http/respond";
import type { Router } from "../http/router";
import type { Simulation } from "../server";
import type { Run } from "../world/types";
import { paginate } from "./pagination";
import { repoRoute, type RepoRequest } from "./repo-route";
import { checkRunShape } from "./shapes/check-run";
import { commitShape, diffEntry } from "./shapes/commit";

export function registerCommitRoutes(router: Router, sim: Simulation): void {
  repoRoute(router, sim, "GET", "/commits/:ref", "read", (r) => {
    const ref = r.req.params.ref ?? "";
    const c = r.world.graph.resolve(ref);
    if (!c) return validationFailed(`No commit found for SHA: ${ref}`);
    return json(200, commitShape(r.sim.urls, r.world, c));
  });
  repoRoute(router, sim, "GET", "/commits/:ref/check-runs", "read", checkRuns);
  repoRoute(router, sim, "GET", "/compare/:basehead", "read", compare);
}

/** `base...head` (three dots; two dots is accepted as GitHub does). Commits oldest first, at most 250. */
function compare(r: RepoRequest) {
  const spec = r.req.params.basehead ?? "";
  const m = /^(.+?)\.\.\.?(.+)$/.exec(spec);
  if (!m) return notFound();
  const strip = (s: string) => (s.includes(":") ? (s.split(":")[1] ?? "") : s);
  const base = r.world.graph.resolve(strip(m[1] ?? ""));
  const head = r.world.graph.resolve(strip(m[2] ?? ""));
  if (!base || !head) return notFound();
  const { urls } = r.sim;
  const world = r.world;
  const cmp = world.graph.compare(base.sha, head.sha);
  const status =
    base.sha === head.sha
      ? "identical"
      : cmp.behindBy === 0
        ? "ahead"
        : cmp.aheadBy === 0
          ? "behind"
          : "diverged";
  const full = `${world.owner}/${world.name}`;
  const paged = r.req.query.has("per_page") || r.req.query.has("page");
  const page = paginate(r.req, urls, cmp.ahead.length, (s, e) => cmp.ahead.slice(s, e), 250);
  const commits = paged ? page.items : cmp.ahead;
  const files = cmp.ahead.flatMap((c) => c.files.map((f) => diffEntry(urls, world, head.sha, f)));
  return json(
    200,
    {
      url: `${urls.api}/repos/${full}/compare/${spec}`,
      html_url: `${urls.web}/${full}/compare/${spec}`,
      permalink_url: `${urls.web}/${full}/compare/${world.owner}:${base.sha.slice(0, 7)}...${world.owner}:${head.sha.slice(0, 7)}`,
      diff_url: `${urls.web}/${full}/compare/${spec}.diff`,
      patch_url: `${urls.web}/${full}/compare/${spec}.patch`,
      base_commit: commitShape(urls, world, base, false),
      merge_base_commit: commitShape(urls, world, cmp.mergeBase ?? base, false),
      status,
      ahead_by: cmp.aheadBy,
      behind_by: cmp.behindBy,
      total_commits: cmp.aheadBy,
      commits: commits.map((c) => commitShape(urls, world, c, false)),
      files: dedupeFiles(files),
    },
    paged ? page.headers : {},
  );
}

function dedupeFiles<T extends { filename: string }>(files: T[]): T[] {
  const seen = new Map<string, T>();
  for (const f of files) seen.set(f.filename, f);
  return [...seen.values()].slice(0, 300);
}

/** Every workflow job is a check run on its head SHA; `filter=latest` keeps the latest attempt. */
function checkRuns(r: RepoRequest) {
  const ref = r.req.params.ref ?? "";
  const c = r.world.graph.resolve(ref);
  if (!c) return validationFailed(`No commit found for SHA: ${ref}`);
  const q = r.req.query;
  const filter = q.get("filter") ?? "latest";
  const name = q.get("check_name");
  const status = q.get("status");
  const runs: Run[] = r.world.runs.bySha.get(c.sha) ?? [];
  const items = runs
    .slice()
    .reverse()
    .flatMap((run) =>
      (filter === "all" ? [...run.attempts].reverse() : [run.attempts[run.attempts.length - 1]]).map((a) => ({
        run,
        a,
      })),
    )
    .flatMap(({ run, a }) =>
      a
        ? r.world.runs
            .plan(run, a)
            .jobs.filter((j) => j.queuedAt !== null && j.queuedAt <= r.now)
            .map((j) => checkRunShape(r.sim.urls, r.world, run, a, j, r.now))
        : [],
    )
    .filter((cr) => (!name || cr.name === name) && (!status || cr.status === status));
  const page = paginate(r.req, r.sim.urls, items.length, (s, e) => items.slice(s, e));
  return json(200, { total_count: items.length, check_runs: page.items }, page.headers);
}
