import type { Config, Role } from "@/lib/config/config";

type AccessConfig = Pick<Config, "access" | "roles">;

/**
 * May this person use Release Desk at all? Listed logins, anyone holding a role, or (when an
 * organisation is configured) its members — membership is checked at sign-in with their token.
 */
export function isAllowed(login: string, config: AccessConfig, orgMember = false): boolean {
  const name = login.toLowerCase();
  if (config.access.logins.includes(name)) return true;
  if (Object.values(config.roles).some((logins) => logins.includes(name))) return true;
  return Boolean(config.access.org) && orgMember;
}

/** Roles are computed from configuration on every request, so a change takes effect at once. */
export function rolesFor(login: string, config: AccessConfig): Role[] {
  const name = login.toLowerCase();
  const roles: Role[] = ["viewer"];
  if (config.roles.qa.includes(name)) roles.push("qa");
  if (config.roles.lead.includes(name)) roles.push("lead");
  if (config.roles.admin.includes(name)) roles.push("admin");
  return roles;
}
