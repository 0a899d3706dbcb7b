import { describe, expect, it } from "vitest";
import { isAllowed, rolesFor } from "./roles";

const config = {
  access: { logins: ["vic-viewer"], org: undefined as string | undefined },
  roles: { qa: ["quinn-qa"], lead: ["lee-lead", "quinn-qa"], admin: ["ada-admin"] },
};

describe("access and roles", () => {
  it("allows listed people and anyone holding a role, case-insensitively", () => {
    expect(isAllowed("vic-viewer", config)).toBe(true);
    expect(isAllowed("Quinn-QA", config)).toBe(true);
    expect(isAllowed("olly-outsider", config)).toBe(false);
  });
  it("allows organisation members only when an organisation is configured", () => {
    expect(isAllowed("olly-outsider", config, true)).toBe(false);
    expect(isAllowed("olly-outsider", { ...config, access: { logins: [], org: "acme" } }, true)).toBe(true);
    expect(isAllowed("olly-outsider", { ...config, access: { logins: [], org: "acme" } }, false)).toBe(false);
  });
  it("gives everyone viewer and adds configured roles", () => {
    expect(rolesFor("vic-viewer", config)).toEqual(["viewer"]);
    expect(rolesFor("quinn-qa", config)).toEqual(["viewer", "qa", "lead"]);
    expect(rolesFor("ADA-admin", config)).toEqual(["viewer", "admin"]);
  });
  it("reflects a configuration change immediately (a removed lead is no longer lead)", () => {
    const demoted = { ...config, roles: { ...config.roles, lead: [] } };
    expect(rolesFor("lee-lead", config)).toContain("lead");
    expect(rolesFor("lee-lead", demoted)).toEqual(["viewer"]);
    expect(isAllowed("lee-lead", demoted)).toBe(false);
  });
});
