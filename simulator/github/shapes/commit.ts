import { createHash } from "node:crypto";
import type { Urls } from "../../urls";
import type { Commit } from "../../world/types";
import type { World } from "../../world/world";
import { gitPerson, userOrNull } from "./git-user";
import { nodeId } from "./node-id";
import { iso } from "./time";

/** `commit` (GET /commits/{ref}, and the entries of a comparison). */
export function commitShape(urls: Urls, world: World, c: Commit, withFiles = true) {
  const full = `${world.owner}/${world.name}`;
  const api = `${urls.api}/repos/${full}`;
  const at = iso(c.at);
  const additions = c.files.reduce((n, f) => n + f.additions, 0);
  const deletions = c.files.reduce((n, f) => n + f.deletions, 0);
  const shape = {
    sha: c.sha,
    node_id: nodeId("Commit", c.sha.slice(0, 12)),
    commit: {
      author: gitPerson(c.author, at),
      committer: gitPerson(c.committer, at),
      message: c.message,
      tree: { sha: c.treeSha, url: `${api}/git/trees/${c.treeSha}` },
      url: `${api}/git/commits/${c.sha}`,
      comment_count: 0,
      verification: {
        verified: c.committer === "web-flow",
        reason: c.committer === "web-flow" ? "valid" : "unsigned",
        signature: null,
        payload: null,
        verified_at: c.committer === "web-flow" ? at : null,
      },
    },
    url: `${api}/commits/${c.sha}`,
    html_url: `${urls.web}/${full}/commit/${c.sha}`,
    comments_url: `${api}/commits/${c.sha}/comments`,
    author: userOrNull(urls, c.author),
    committer: userOrNull(urls, c.committer),
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api}/commits/${p}`,
      html_url: `${urls.web}/${full}/commit/${p}`,
    })),
  };
  if (!withFiles) return shape;
  return {
    ...shape,
    stats: { total: additions + deletions, additions, deletions },
    files: c.files.map((f) => diffEntry(urls, world, c.sha, f)),
  };
}

export function diffEntry(urls: Urls, world: World, sha: string, f: Commit["files"][number]) {
  const full = `${world.owner}/${world.name}`;
  const blob = createHash("sha1").update(`${sha}:${f.filename}`).digest("hex");
  return {
    sha: blob,
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.additions + f.deletions,
    blob_url: `${urls.web}/${full}/blob/${sha}/${f.filename}`,
    raw_url: `${urls.web}/${full}/raw/${sha}/${f.filename}`,
    contents_url: `${urls.api}/repos/${full}/contents/${f.filename}?ref=${sha}`,
    patch: `@@ -1,${f.deletions} +1,${f.additions} @@`,
  };
}
