import type { Identity } from "../../identities";
import type { Urls } from "../../urls";
import type { Pull } from "../../world/types";
import type { World } from "../../world/world";
import { userOrNull } from "./git-user";
import { nodeId } from "./node-id";
import { orgOwner, repositoryShape } from "./repository";
import { isoOrNull, iso } from "./time";

/** `pull-request-simple` (list endpoint and webhooks build on it). */
export function pullSimpleShape(urls: Urls, world: World, p: Pull, caller: Identity) {
  const full = `${world.owner}/${world.name}`;
  const api = `${urls.api}/repos/${full}`;
  const html = `${urls.web}/${full}/pull/${p.number}`;
  const self = `${api}/pulls/${p.number}`;
  const repo = repositoryShape(urls, world, caller);
  const owner = orgOwner(urls, world);
  const side = (ref: string, sha: string) => ({
    label: `${world.owner}:${ref}`,
    ref,
    sha,
    user: owner,
    repo,
  });
  return {
    url: self,
    id: p.id,
    node_id: nodeId("PullRequest", p.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${p.number}`,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${p.number}/comments`,
    statuses_url: `${api}/statuses/${p.headSha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: userOrNull(urls, p.user),
    body: p.body || null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: iso(p.createdAt),
    updated_at: iso(p.updatedAt),
    closed_at: isoOrNull(p.closedAt),
    merged_at: isoOrNull(p.mergedAt),
    merge_commit_sha: p.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(p.head, p.headSha),
    base: side(p.base, p.baseSha),
    _links: {
      self: { href: self },
      html: { href: html },
      issue: { href: `${api}/issues/${p.number}` },
      comments: { href: `${api}/issues/${p.number}/comments` },
      review_comments: { href: `${self}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${self}/commits` },
      statuses: { href: `${api}/statuses/${p.headSha}` },
    },
    author_association: "MEMBER",
    auto_merge: null,
    draft: false,
  };
}

/**
 * `pull-request`. `mergeable` is passed in because GitHub computes it in the background: the
 * handler answers null for the first read after a change.
 */
export function pullShape(urls: Urls, world: World, p: Pull, caller: Identity, mergeable: boolean | null) {
  const cmp = world.graph.compare(p.baseSha, p.headSha);
  const files = cmp.ahead.flatMap((c) => c.files);
  const state = p.merged ? "unknown" : mergeable === null ? "unknown" : mergeable ? "clean" : "dirty";
  return {
    ...pullSimpleShape(urls, world, p, caller),
    merged: p.merged,
    mergeable: p.merged ? null : mergeable,
    rebaseable: p.merged ? null : mergeable,
    mergeable_state: state,
    merged_by: userOrNull(urls, p.mergedBy),
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: cmp.aheadBy,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changed_files: new Set(files.map((f) => f.filename)).size,
  };
}
