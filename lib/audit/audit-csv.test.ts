import { describe, expect, it } from "vitest";
import { auditCsvLine, csvCell, csvLine } from "./audit-csv";

describe("CSV cells", () => {
  it("leaves plain text alone and writes null as empty", () => {
    expect(csvCell("release.reject")).toBe("release.reject");
    expect(csvCell(null)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("quotes cells with commas, quotes or line breaks, doubling the quotes", () => {
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvCell("cr\r\nlf")).toBe('"cr\r\nlf"');
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    // Only the first character matters: text merely containing = is fine.
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("ends lines with CRLF", () => {
    expect(csvLine(["a", null, "b,c"])).toBe('a,,"b,c"\r\n');
  });

  it("writes an audit event as one line in the header's column order", () => {
    expect(
      auditCsvLine({
        id: "7",
        occurredAtIso: "2026-11-26T10:00:00.000Z",
        actor: "quinn-qa",
        actorRoles: ["viewer", "qa"],
        action: "release.reject",
        targetType: "release",
        targetId: "abc",
        sha: "abc",
        outcome: "recorded",
        reason: 'checkout broken, see "INC-1"',
        requestId: null,
      }),
    ).toBe(
      '2026-11-26T10:00:00.000Z,quinn-qa,viewer qa,release.reject,release,abc,abc,recorded,"checkout broken, see ""INC-1""",,7\r\n',
    );
  });
});
