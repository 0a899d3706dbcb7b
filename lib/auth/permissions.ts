import type { Role } from "@/lib/config/config";

/** Every action Release Desk guards. Add a permission here, then grant it in ROLE_PERMISSIONS. */
export const PERMISSIONS = [
  "runs.read",
  "environments.read",
  "health.read",
  "releases.read",
  "production.read",
  "release.accept",
  "release.reject",
  "operations.retry",
  "production.rollback",
  "audit.read",
  "audit.export",
  "setup.read",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ["viewer", "qa", "lead", "admin"] as const satisfies readonly Role[];

const READ: Permission[] = [
  "runs.read",
  "environments.read",
  "health.read",
  "releases.read",
  "production.read",
];

/**
 * Roles are additive: a person holds `viewer` plus whatever else configuration grants, and may do
 * anything any of their roles allows. A lead is not a QA reviewer unless also listed as one.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: READ,
  qa: [...READ, "release.accept", "release.reject", "operations.retry", "audit.read"],
  lead: [...READ, "production.rollback", "operations.retry", "audit.read", "audit.export", "setup.read"],
  admin: [...READ, "operations.retry", "audit.read", "audit.export", "setup.read"],
};

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
