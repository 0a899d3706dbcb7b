import { createHash } from "node:crypto";
import { json, notFound } from "../http/respond";
import type { Router } from "../http/router";
import type { Simulation } from "../server";
import { HOOK_ID } from "../webhooks/dispatcher";
import { WORKFLOW_YAML } from "../world/workflow-yaml";
import { repoRoute, type RepoRequest } from "./repo-route";
import { fullRepository } from "./shapes/repository";

const README = "# acme/shop\n\nProduct, order and customer services with a frontend, deployed to AKS.\n";

export function registerRepoRoutes(router: Router, sim: Simulation): void {
  repoRoute(router, sim, "GET", "", "read", (r) => json(200, fullRepository(r.sim.urls, r.world, r.caller)));
  repoRoute(router, sim, "GET", "/contents/*path", "read", contents);
  repoRoute(router, sim, "GET", "/hooks", "admin", (r) => json(200, hooks(r)));
}

/** The same files on every commit: the workflows live on the default branch from the start. */
function files(): Record<string, string> {
  return { "README.md": README, ...WORKFLOW_YAML };
}

function contents(r: RepoRequest) {
  const path = (r.req.params.path ?? "").replace(/\/+$/, "");
  const ref = r.req.query.get("ref") ?? "main";
  const commit = r.world.graph.resolve(ref);
  if (!commit)
    return {
      status: 404,
      json: {
        message: `No commit found for the ref ${ref}`,
        documentation_url: "https://docs.github.com/rest/repos/contents#get-repository-content",
        status: "404",
      },
    };
  const all = files();
  const text = all[path];
  if (text !== undefined) return json(200, fileEntry(r, path, text, ref, true));
  const prefix = `${path}/`;
  const children = new Map<string, string | null>();
  for (const p of Object.keys(all)) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    const name = rest.split("/")[0] as string;
    children.set(name, rest.includes("/") ? null : p);
  }
  if (children.size === 0) return notFound();
  return json(
    200,
    [...children.entries()]
      .sort()
      .map(([name, file]) =>
        file ? fileEntry(r, file, all[file] as string, ref, false) : dirEntry(r, `${prefix}${name}`, ref),
      ),
  );
}

function links(r: RepoRequest, path: string, ref: string, sha: string, kind: "blob" | "tree") {
  const full = `${r.world.owner}/${r.world.name}`;
  const self = `${r.sim.urls.api}/repos/${full}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const git = `${r.sim.urls.api}/repos/${full}/git/${kind}s/${sha}`;
  const html = `${r.sim.urls.web}/${full}/${kind}/${ref}/${path}`;
  return { url: self, git_url: git, html_url: html, _links: { self, git, html } };
}

function fileEntry(r: RepoRequest, path: string, text: string, ref: string, withContent: boolean) {
  const buf = Buffer.from(text, "utf8");
  const sha = createHash("sha1").update(`blob ${buf.length}\0`).update(buf).digest("hex");
  const full = `${r.world.owner}/${r.world.name}`;
  const base = {
    type: "file",
    name: path.split("/").pop() as string,
    path,
    sha,
    size: buf.length,
    ...links(r, path, ref, sha, "blob"),
    download_url: `${r.sim.urls.web}/${full}/raw/${ref}/${path}`,
  };
  // GitHub wraps base64 content at 60 characters per line.
  return withContent
    ? { ...base, content: `${buf.toString("base64").replace(/(.{60})/g, "$1\n")}\n`, encoding: "base64" }
    : base;
}

function dirEntry(r: RepoRequest, path: string, ref: string) {
  const sha = createHash("sha1").update(`tree:${path}`).digest("hex");
  return {
    type: "dir",
    name: path.split("/").pop() as string,
    path,
    sha,
    size: 0,
    ...links(r, path, ref, sha, "tree"),
    download_url: null,
  };
}

function hooks(r: RepoRequest) {
  const target = r.sim.webhooks.current();
  if (!target) return [];
  const api = `${r.sim.urls.api}/repos/${r.world.owner}/${r.world.name}/hooks/${HOOK_ID}`;
  return [
    {
      type: "Repository",
      id: HOOK_ID,
      name: "web",
      active: true,
      events: ["deployment", "deployment_status", "pull_request", "push", "workflow_job", "workflow_run"],
      config: { content_type: "json", insecure_ssl: "0", url: target.url, secret: "********" },
      updated_at: r.sim.webhooks.createdAt,
      created_at: r.sim.webhooks.createdAt,
      url: api,
      test_url: `${api}/test`,
      ping_url: `${api}/pings`,
      deliveries_url: `${api}/deliveries`,
      last_response: r.sim.webhooks.lastResponse,
    },
  ];
}
