import { findIdentity, type Identity } from "../../identities";
import type { Urls } from "../../urls";
import { simpleUser } from "./user";

/** GitHub's committer for merges made in the web UI or API. */
const WEB_FLOW: Identity = {
  login: "web-flow",
  who: "GitHub",
  name: "GitHub",
  id: 19864447,
  email: "noreply@github.com",
  permission: "none",
  type: "User",
  createdAt: "2016-06-21T17:49:42Z",
};

export function identityFor(login: string): Identity | undefined {
  return login === WEB_FLOW.login ? WEB_FLOW : findIdentity(login);
}

export function gitPerson(login: string, at: string) {
  const u = identityFor(login);
  return {
    name: u?.name ?? login,
    email: u?.email ?? `${u?.id ?? 0}+${login}@users.noreply.github.com`,
    date: at,
  };
}

export function userOrNull(urls: Urls, login: string | null) {
  const u = login ? identityFor(login) : undefined;
  return u ? simpleUser(urls, u) : null;
}
