import { json } from "../http/respond";
import type { Router } from "../http/router";
import type { SimRequest } from "../http/types";
import { ORG_ID, type Identity } from "../identities";
import type { Urls } from "../urls";
import { nodeId } from "./shapes/node-id";
import { avatarUrl, privateUser } from "./shapes/user";

export interface UserRouteDeps {
  urls: Urls;
  owner: string;
}

export function registerUserRoutes(router: Router, deps: UserRouteDeps): void {
  const me = (req: SimRequest) => req.caller as Identity;
  router.add("api", "GET", "/api/v3/user", (req) => json(200, privateUser(deps.urls, me(req))));
  router.add("api", "GET", "/api/v3/user/emails", (req) => json(200, emails(me(req))));
  router.add("api", "GET", "/api/v3/user/orgs", (req) =>
    json(200, me(req).permission === "none" ? [] : [organization(deps.urls, deps.owner)]),
  );
}

/** Every account has a verified primary email even when its public `email` is null. */
function emails(u: Identity) {
  return [
    {
      email: u.email ?? `${u.id}+${u.login}@users.noreply.github.com`,
      primary: true,
      verified: true,
      visibility: u.email ? "public" : "private",
    },
  ];
}

export function organization(urls: Urls, login: string) {
  const api = `${urls.api}/orgs/${login}`;
  return {
    login,
    id: ORG_ID,
    node_id: nodeId("Organization", ORG_ID),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: avatarUrl(urls, login),
    description: "Acme shop team",
  };
}
