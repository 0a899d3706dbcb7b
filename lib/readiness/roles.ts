import type { Config, Role } from "@/lib/config/config";
import { failed, passed, type ReadinessCheck } from "./check";

type GrantedRole = Exclude<Role, "viewer">;

export interface RoleHolder {
  login: string;
  roles: GrantedRole[];
}

export interface RolesReadiness {
  /** Everyone holding a role, alphabetically, with every role they hold. */
  holders: RoleHolder[];
  access: { logins: string[]; org: string | null };
  checks: ReadinessCheck[];
}

const ROLE_VARIABLES: Readonly<Record<GrantedRole, string>> = {
  qa: "ROLE_QA",
  lead: "ROLE_LEAD",
  admin: "ROLE_ADMIN",
};

/**
 * A release needs someone to accept it (QA) and someone to roll production back (a lead). Admins
 * are optional. Holding two roles is allowed: Release Desk's four-eyes rule is about who wrote the
 * commits, not about which roles a person holds, so the table only shows who holds what.
 */
export function rolesReadiness(config: Pick<Config, "roles" | "access">): RolesReadiness {
  const byLogin = new Map<string, GrantedRole[]>();
  for (const role of ["qa", "lead", "admin"] as const) {
    for (const login of config.roles[role]) byLogin.set(login, [...(byLogin.get(login) ?? []), role]);
  }
  const holders = [...byLogin.entries()]
    .map(([login, roles]) => ({ login, roles }))
    .sort((a, b) => a.login.localeCompare(b.login));
  return {
    holders,
    access: { logins: config.access.logins, org: config.access.org ?? null },
    checks: [
      roleCheck("qa", "At least one QA reviewer", config.roles.qa, "accepts or rejects releases"),
      roleCheck("lead", "At least one lead", config.roles.lead, "rolls production back"),
    ],
  };
}

function roleCheck(
  role: GrantedRole,
  title: string,
  logins: readonly string[],
  does: string,
): ReadinessCheck {
  const head = { id: `roles.${role}`, title };
  const variable = ROLE_VARIABLES[role];
  return logins.length > 0
    ? passed(head, `${variable}: ${logins.join(", ")}`)
    : failed(
        head,
        `${variable} is empty: nobody ${does}`,
        `Set ${variable} to a comma-separated list of GitHub logins (e.g. ${variable}=octocat) and restart Release Desk.`,
      );
}
