import type { Identity } from "../../identities";
import type { Urls } from "../../urls";
import { nodeId } from "./node-id";

export function avatarUrl(urls: Urls, login: string): string {
  return `${urls.web}/avatars/${encodeURIComponent(login)}.svg`;
}

/** `simple-user` in GitHub's OpenAPI description (actors, senders, authors). */
// Shapes are rebuilt for every run in a page; users repeat, so they are built once and shared (frozen).
const cache = new Map<string, ReturnType<typeof buildSimpleUser>>();

export function simpleUser(urls: Urls, u: Identity): ReturnType<typeof buildSimpleUser> {
  const key = `${urls.web}|${u.login}|${u.id}|${u.type}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = Object.freeze(buildSimpleUser(urls, u));
    cache.set(key, hit);
  }
  return hit;
}

function buildSimpleUser(urls: Urls, u: Identity) {
  const api = `${urls.api}/users/${encodeURIComponent(u.login)}`;
  return {
    login: u.login,
    id: u.id,
    node_id: nodeId(u.type, u.id),
    avatar_url: avatarUrl(urls, u.login),
    gravatar_id: "",
    url: api,
    html_url: `${urls.web}/${u.type === "Bot" ? "apps/" + u.login.replace("[bot]", "") : u.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: u.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** `private-user`: what `GET /user` returns to the account's own token. */
export function privateUser(urls: Urls, u: Identity) {
  return {
    ...simpleUser(urls, u),
    user_view_type: "private",
    name: u.name,
    company: u.type === "Bot" ? null : "Acme",
    blog: "",
    location: null,
    email: u.email,
    notification_email: u.email,
    hireable: null,
    bio: u.who,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: u.createdAt,
    updated_at: u.createdAt,
    private_gists: 0,
    total_private_repos: 1,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: "free", space: 976562499, collaborators: 0, private_repos: 10000 },
  };
}
