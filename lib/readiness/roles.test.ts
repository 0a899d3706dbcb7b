import { describe, expect, it } from "vitest";
import { rolesReadiness } from "./roles";

describe("rolesReadiness", () => {
  it("passes with a QA reviewer and a lead, and lists everyone with every role they hold", () => {
    const result = rolesReadiness({
      roles: { qa: ["quinn-qa", "lee-lead"], lead: ["lee-lead"], admin: ["ada-admin"] },
      access: { logins: ["dana-dev"], org: "acme" },
    });

    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ["roles.qa", "pass"],
      ["roles.lead", "pass"],
    ]);
    expect(result.holders).toEqual([
      { login: "ada-admin", roles: ["admin"] },
      { login: "lee-lead", roles: ["qa", "lead"] },
      { login: "quinn-qa", roles: ["qa"] },
    ]);
    expect(result.access).toEqual({ logins: ["dana-dev"], org: "acme" });
  });

  it("fails each empty role with the variable to set", () => {
    const result = rolesReadiness({
      roles: { qa: [], lead: [], admin: ["ada-admin"] },
      access: { logins: [], org: undefined },
    });

    expect(result.checks).toEqual([
      expect.objectContaining({
        id: "roles.qa",
        status: "fail",
        detail: "ROLE_QA is empty: nobody accepts or rejects releases",
      }),
      expect.objectContaining({
        id: "roles.lead",
        status: "fail",
        detail: "ROLE_LEAD is empty: nobody rolls production back",
      }),
    ]);
    expect(result.checks[0]?.fix).toContain("Set ROLE_QA");
    expect(result.access.org).toBeNull();
  });
});
