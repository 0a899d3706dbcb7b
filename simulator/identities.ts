export type RepoPermission = "none" | "read" | "write" | "maintain" | "admin";

export interface Identity {
  login: string;
  who: string;
  name: string;
  id: number;
  email: string | null;
  permission: RepoPermission;
  type: "User" | "Bot";
  createdAt: string;
}

/** The demo identities of AGENTS.md; ids are stable so the app can key on them. */
export const DEMO_USERS: readonly Identity[] = [
  user("quinn-qa", "QA reviewer", "Quinn Quality", 5101, "quinn@acme.example", "write"),
  user("lee-lead", "release lead", "Lee Lead", 5102, "lee@acme.example", "maintain"),
  user("ada-admin", "administrator", "Ada Admin", 5103, "ada@acme.example", "admin"),
  // No public email: exercises the app's `email: null` path, as many real GitHub accounts do.
  user("dana-dev", "developer, authors the commits", "Dana Developer", 5104, null, "write"),
  user("vic-viewer", "stakeholder", "Vic Viewer", 5105, null, "read"),
  user("olly-outsider", "not allowed in", "Olly Outsider", 5106, "olly@elsewhere.example", "none"),
];

export const SERVER_BOT: Identity = {
  login: "release-desk[bot]",
  who: "the server's token",
  name: "Release Desk",
  id: 5190,
  email: null,
  // Admin so the server token can also read repository hooks for the setup page.
  permission: "admin",
  type: "Bot",
  createdAt: "2024-01-02T09:00:00Z",
};

/** The organisation owning the simulated repository is named after the repo owner. */
export const ORG_ID = 5001;

export function findIdentity(login: string): Identity | undefined {
  if (login === SERVER_BOT.login) return SERVER_BOT;
  if (login === ACTIONS_BOT.login) return ACTIONS_BOT;
  return DEMO_USERS.find((u) => u.login === login);
}

export function permissionAtLeast(have: RepoPermission, need: RepoPermission): boolean {
  const order: RepoPermission[] = ["none", "read", "write", "maintain", "admin"];
  return order.indexOf(have) >= order.indexOf(need);
}

function user(
  login: string,
  who: string,
  name: string,
  id: number,
  email: string | null,
  permission: RepoPermission,
): Identity {
  return { login, who, name, id, email, permission, type: "User", createdAt: "2021-03-04T10:00:00Z" };
}

/** Author of what workflows do on their own (deployments created with GITHUB_TOKEN). */
export const ACTIONS_BOT: Identity = {
  login: "github-actions[bot]",
  who: "GitHub Actions",
  name: "github-actions[bot]",
  id: 41898282,
  email: null,
  permission: "write",
  type: "Bot",
  createdAt: "2019-07-24T18:38:29Z",
};
