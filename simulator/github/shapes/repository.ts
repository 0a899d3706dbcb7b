import { ORG_ID, permissionAtLeast, type Identity } from "../../identities";
import type { Urls } from "../../urls";
import type { World } from "../../world/world";
import { nodeId } from "./node-id";
import { iso } from "./time";
import { simpleUser } from "./user";

export const REPO_ID = 742_118_903;
const CREATED_AT = "2025-08-28T08:00:00Z";

export function orgOwner(urls: Urls, world: World) {
  const org: Identity = {
    login: world.owner,
    who: "organisation",
    name: world.owner,
    id: ORG_ID,
    email: null,
    permission: "none",
    type: "User",
    createdAt: CREATED_AT,
  };
  return { ...simpleUser(urls, org), type: "Organization", node_id: nodeId("Organization", ORG_ID) };
}

/** `minimal-repository` (runs, webhooks' `repository` is a superset built on it). */
const minimalCache = new WeakMap<World, Map<string, ReturnType<typeof buildMinimalRepository>>>();

export function minimalRepository(urls: Urls, world: World): ReturnType<typeof buildMinimalRepository> {
  const perWorld = minimalCache.get(world) ?? new Map<string, ReturnType<typeof buildMinimalRepository>>();
  minimalCache.set(world, perWorld);
  let hit = perWorld.get(urls.web);
  if (!hit) {
    hit = Object.freeze(buildMinimalRepository(urls, world));
    perWorld.set(urls.web, hit);
  }
  return hit;
}

function buildMinimalRepository(urls: Urls, world: World) {
  const full = `${world.owner}/${world.name}`;
  const api = `${urls.api}/repos/${full}`;
  return {
    id: REPO_ID,
    node_id: nodeId("Repository", REPO_ID),
    name: world.name,
    full_name: full,
    private: true,
    owner: orgOwner(urls, world),
    html_url: `${urls.web}/${full}`,
    description: "Acme shop: product, order and customer services with a frontend",
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
  };
}

/** `full-repository`: `GET /repos/{owner}/{repo}`, with the caller's `permissions`. */
export function fullRepository(urls: Urls, world: World, caller: Identity) {
  const min = minimalRepository(urls, world);
  const host = new URL(urls.web).host;
  const open = world.openPulls.size;
  const p = caller.permission;
  const pushedAt = Math.max(...[...world.graph.branches.values()].map((s) => world.graph.get(s)?.at ?? 0));
  return {
    ...min,
    git_url: `git://${host}/${min.full_name}.git`,
    ssh_url: `git@${host}:${min.full_name}.git`,
    clone_url: `${urls.web}/${min.full_name}.git`,
    svn_url: `${urls.web}/${min.full_name}`,
    mirror_url: null,
    homepage: "https://shop.acme.example",
    language: "Python",
    forks_count: 0,
    forks: 0,
    stargazers_count: 3,
    watchers_count: 3,
    watchers: 3,
    subscribers_count: 6,
    network_count: 0,
    size: 2841,
    default_branch: "main",
    open_issues_count: open,
    open_issues: open,
    is_template: false,
    topics: ["aks", "microservices"],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: "private",
    pushed_at: iso(pushedAt),
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    permissions: {
      admin: permissionAtLeast(p, "admin"),
      maintain: permissionAtLeast(p, "maintain"),
      push: permissionAtLeast(p, "write"),
      triage: permissionAtLeast(p, "write"),
      pull: permissionAtLeast(p, "read"),
    },
    allow_rebase_merge: false,
    allow_squash_merge: false,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_title: "COMMIT_OR_PR_TITLE",
    squash_merge_commit_message: "COMMIT_MESSAGES",
    merge_commit_title: "MERGE_MESSAGE",
    merge_commit_message: "PR_TITLE",
    allow_forking: false,
    web_commit_signoff_required: false,
    license: null,
    organization: min.owner,
  };
}

/** `repository` (the `repo` of a pull request's head and base). */
export function repositoryShape(urls: Urls, world: World, caller: Identity) {
  const {
    organization: _org,
    subscribers_count: _s,
    network_count: _n,
    ...rest
  } = fullRepository(urls, world, caller);
  return rest;
}
