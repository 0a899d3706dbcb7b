import { describe, expect, it } from "vitest";
import { auditCursor, parseAuditFilters } from "./audit-filters";

const SHA = "0123456789abcdef0123456789abcdef01234567";

describe("audit filters in the URL", () => {
  it("reads no filters as the whole log", () => {
    expect(parseAuditFilters({})).toEqual({ ok: true, filters: {}, values: {} });
    expect(parseAuditFilters({ actor: "", action: " ", sha: "", from: "", to: "" })).toMatchObject({
      ok: true,
      filters: {},
    });
  });

  it("reads every filter, a SHA lower-cased, and the period as a half-open UTC range", () => {
    const parsed = parseAuditFilters({
      actor: " quinn-qa ",
      action: "release.reject",
      sha: SHA.toUpperCase(),
      from: "2026-11-01",
      to: "2026-11-26",
    });
    expect(parsed).toMatchObject({
      ok: true,
      filters: {
        actor: "quinn-qa",
        action: "release.reject",
        sha: SHA,
        since: new Date("2026-11-01T00:00:00Z"),
        // The end day is included whole.
        until: new Date("2026-11-27T00:00:00Z"),
      },
    });
  });

  it("accepts a SHA prefix of 4 or more characters", () => {
    expect(parseAuditFilters({ sha: "0123abc" })).toMatchObject({ ok: true, filters: { sha: "0123abc" } });
    expect(parseAuditFilters({ sha: "012" })).toEqual({
      ok: false,
      errors: { sha: "Enter a commit SHA or its first 4 or more hex characters" },
    });
  });

  it("takes the first value of a repeated parameter", () => {
    expect(parseAuditFilters({ actor: ["lee-lead", "quinn-qa"] })).toMatchObject({
      filters: { actor: "lee-lead" },
    });
  });

  it("refuses bad input field by field, with a message, instead of widening the view", () => {
    const parsed = parseAuditFilters({
      actor: "'; drop table audit_events; --",
      action: "Release Reject",
      sha: "not-a-sha",
      from: "2026-02-30",
      to: "26/11/2026",
    });
    expect(parsed).toEqual({
      ok: false,
      errors: {
        actor: "A login has letters, digits and '-' only",
        action: "Choose an action from the list",
        sha: "Enter a commit SHA or its first 4 or more hex characters",
        from: "Enter a date as YYYY-MM-DD",
        to: "Enter a date as YYYY-MM-DD",
      },
    });
  });

  it("refuses days that do not exist without throwing", () => {
    for (const bad of ["2026-13-01", "2026-00-10", "2026-11-31", "2026-02-29", "99999-01-01"]) {
      expect(parseAuditFilters({ from: bad })).toEqual({
        ok: false,
        errors: { from: "Enter a date as YYYY-MM-DD" },
      });
    }
    expect(parseAuditFilters({ from: "2028-02-29" })).toMatchObject({ ok: true });
  });

  it("refuses a period that ends before it starts", () => {
    expect(parseAuditFilters({ from: "2026-11-26", to: "2026-11-01" })).toEqual({
      ok: false,
      errors: { to: "The end date is before the start date" },
    });
    expect(parseAuditFilters({ from: "2026-11-26", to: "2026-11-26" })).toMatchObject({ ok: true });
  });

  it("round-trips a page position and refuses a forged one", () => {
    const at = new Date("2026-11-26T10:00:00.123Z");
    const cursor = auditCursor({ occurredAt: at, id: 42n });
    expect(cursor).toBe(`${at.getTime()}-42`);
    expect(parseAuditFilters({ before: cursor })).toMatchObject({
      ok: true,
      filters: { before: { at, id: 42n } },
    });
    expect(parseAuditFilters({ after: "yesterday" })).toEqual({
      ok: false,
      errors: { after: "Not a valid page position; start from the first page" },
    });
    expect(parseAuditFilters({ before: cursor, after: cursor })).toMatchObject({ ok: false });
  });
});
