import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/config/config";
import { PERMISSIONS, ROLES, can, type Permission } from "./permissions";

// The expected table, written out by hand: a change to ROLE_PERMISSIONS must be made here as well,
// on purpose, or this test fails.
const EXPECTED: Record<Permission, Role[]> = {
  "runs.read": ["viewer", "qa", "lead", "admin"],
  "environments.read": ["viewer", "qa", "lead", "admin"],
  "health.read": ["viewer", "qa", "lead", "admin"],
  "releases.read": ["viewer", "qa", "lead", "admin"],
  "production.read": ["viewer", "qa", "lead", "admin"],
  "release.accept": ["qa"],
  "release.reject": ["qa"],
  "operations.retry": ["qa", "lead", "admin"],
  "production.rollback": ["lead"],
  "audit.read": ["qa", "lead", "admin"],
  "audit.export": ["lead", "admin"],
  "setup.read": ["lead", "admin"],
};

describe("permission table", () => {
  it("lists every permission in the expected table", () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can([role], permission)).toBe(allowed);
      });
    }
  }

  it("roles are additive: a viewer who is also lead may roll back", () => {
    expect(can(["viewer"], "production.rollback")).toBe(false);
    expect(can(["viewer", "lead"], "production.rollback")).toBe(true);
  });

  it("no roles means no permissions", () => {
    for (const permission of PERMISSIONS) expect(can([], permission)).toBe(false);
  });
});
