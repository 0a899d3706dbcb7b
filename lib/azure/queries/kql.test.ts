/// <reference types="@kusto/language-service-next" />
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { AVAILABILITY_COLUMNS } from "../map-availability";
import { DEPLOY_COMPARISON_COLUMNS } from "../map-comparison";
import { DEPENDENCY_FAILURES_COLUMNS } from "../map-dependencies";
import { TOP_EXCEPTIONS_COLUMNS } from "../map-exceptions";
import { REQUEST_SERIES_COLUMNS } from "../map-series";
import { SERVICE_HEALTH_COLUMNS } from "../map-service-health";
import type { ColumnSpec } from "../map-table";
import { availabilityQuery } from "./availability";
import { dependencyFailuresQuery } from "./dependency-failures";
import { deployComparisonQuery } from "./deploy-comparison";
import type { KqlQuery } from "./kql-query";
import { requestSeriesQuery } from "./request-series";
import { serviceHealthQuery } from "./service-health";
import { topExceptionsQuery } from "./top-exceptions";

// The language service is a Bridge.NET build: two CommonJS scripts that define the globals `Bridge`
// and `Kusto`, in this order. Its types are the package's own (the triple-slash reference above).
const require = createRequire(import.meta.url);
require("@kusto/language-service-next/bridge.js");
require("@kusto/language-service-next/Kusto.Language.Bridge.js");

// Columns as documented in the Azure Monitor Logs table reference (workspace-based Application
// Insights tables), all of them, so a query may use any real column and no invented one.
const COMMON = `AppRoleInstance:string, AppRoleName:string, AppVersion:string, _BilledSize:real,
  ClientBrowser:string, ClientCity:string, ClientCountryOrRegion:string, ClientIP:string, ClientModel:string,
  ClientOS:string, ClientStateOrProvince:string, ClientType:string, IKey:string, _IsBillable:string,
  ItemCount:int, Measurements:dynamic, OperationId:string, OperationName:string, ParentId:string,
  Properties:dynamic, ResourceGUID:string, _ResourceId:string, SDKVersion:string, SessionId:string,
  SourceSystem:string, _SubscriptionId:string, SyntheticSource:string, TenantId:string, TimeGenerated:datetime,
  Type:string, UserAccountId:string, UserAuthenticatedId:string, UserId:string`;

const TABLES: Record<string, string> = {
  AppRequests: `${COMMON}, DurationMs:real, Id:string, Name:string, ReferencedItemId:string,
    ReferencedType:string, ResultCode:string, Source:string, Success:bool, Url:string`,
  AppExceptions: `${COMMON}, Assembly:string, Details:dynamic, ExceptionType:string, HandledAt:string,
    InnermostAssembly:string, InnermostMessage:string, InnermostMethod:string, InnermostType:string,
    Message:string, Method:string, OuterAssembly:string, OuterMessage:string, OuterMethod:string,
    OuterType:string, ProblemId:string, SeverityLevel:int`,
  AppDependencies: `${COMMON}, Data:string, DependencyType:string, DurationMs:real, Id:string, Name:string,
    ReferencedItemId:string, ReferencedType:string, ResultCode:string, Success:bool, Target:string`,
  AppAvailabilityResults: `${COMMON}, DurationMs:real, Id:string, Location:string, Message:string,
    Name:string, Size:real, Success:bool`,
};

const { Symbols } = Kusto.Language;
const workspace = new Symbols.DatabaseSymbol.ctor(
  "workspace",
  Object.entries(TABLES).map(
    ([name, columns]) => new Symbols.TableSymbol.$ctor7(name, `(${columns.replace(/\s+/g, " ")})`, null),
  ),
);
const globals = Kusto.Language.GlobalState.Default!.WithDatabase(workspace)!;

interface Analysis {
  diagnostics: { severity: string; code: string; message: string; at: string }[];
  columns: Record<string, string>;
}

function analyse(text: string): Analysis {
  const code = Kusto.Language.KustoCode.ParseAndAnalyze(text, globals)!;
  const found = code.GetDiagnostics()!;
  const diagnostics: Analysis["diagnostics"] = [];
  for (let i = 0; i < found.Count; i++) {
    const d = found.getItem(i);
    diagnostics.push({
      severity: d.Severity ?? "",
      code: d.Code ?? "",
      message: d.Message ?? "",
      at: text.slice(d.Start, d.Start + d.Length),
    });
  }
  const columns: Record<string, string> = {};
  const result = code.ResultType;
  if (result instanceof Symbols.TableSymbol) {
    const list = result.Columns!;
    for (let i = 0; i < list.Count; i++) {
      const column = list.getItem(i);
      columns[column.Name!] = column.Type!.Name!;
    }
  }
  return { diagnostics, columns };
}

const end = new Date("2026-03-02T12:00:00.000Z");
const window = { end, windowMinutes: 60 };
const cases: { query: KqlQuery; lets: string[]; columns: ColumnSpec }[] = [
  { query: serviceHealthQuery(window), lets: ["End", "Window"], columns: SERVICE_HEALTH_COLUMNS },
  {
    query: topExceptionsQuery({ ...window, topPerService: 5 }),
    lets: ["End", "Window", "TopN"],
    columns: TOP_EXCEPTIONS_COLUMNS,
  },
  { query: dependencyFailuresQuery(window), lets: ["End", "Window"], columns: DEPENDENCY_FAILURES_COLUMNS },
  { query: availabilityQuery(window), lets: ["End", "Window"], columns: AVAILABILITY_COLUMNS },
  {
    query: requestSeriesQuery({ ...window, intervalMinutes: 5 }),
    lets: ["End", "Window", "Interval"],
    columns: REQUEST_SERIES_COLUMNS,
  },
  {
    query: deployComparisonQuery({ deployTime: end, windowMinutes: 30 }),
    lets: ["T", "Window"],
    columns: DEPLOY_COMPARISON_COLUMNS,
  },
];

// Documented columns each query reads; misspelling any one of them must be caught.
const SOURCE_COLUMNS = [
  "TimeGenerated",
  "AppRoleName",
  "ItemCount",
  "Success",
  "DurationMs",
  "ExceptionType",
  "ProblemId",
  "OuterMessage",
  "DependencyType",
  "Target",
  "Location",
  "Name",
];

describe("named KQL queries", () => {
  it("are six distinct names", () => {
    expect(new Set(cases.map((c) => c.query.name)).size).toBe(cases.length);
  });

  describe.each(cases.map((c) => [c.query.name, c] as const))("%s", (name, { query, lets, columns }) => {
    it("starts with its name comment and declares its let parameters", () => {
      const lines = query.text.split("\n");
      expect(lines[0]).toBe(`// query: ${name}`);
      const declared = lines.slice(1).flatMap((line) => /^let (\w+) = .+;$/.exec(line)?.[1] ?? []);
      expect(declared.slice(0, lets.length)).toEqual(lets);
      expect(declared).not.toContain("to");
    });

    it("parses and type-checks against the documented table columns without any diagnostic", () => {
      expect(analyse(query.text).diagnostics).toEqual([]);
    });

    it("returns exactly the columns and types its mapper reads", () => {
      expect(analyse(query.text).columns).toEqual(columns);
    });

    it("counts with sum(ItemCount) so sampled telemetry is not under-counted", () => {
      expect(query.text).toContain("sum(ItemCount)");
      expect(query.text).not.toMatch(/\bcount\(\)/);
    });

    it.each(SOURCE_COLUMNS.filter((column) => new RegExp(`\\b${column}\\b`).test(query.text)))(
      "reports a diagnostic when the column %s is misspelt",
      (column) => {
        const typo = query.text.replace(new RegExp(`\\b${column}\\b`, "g"), `${column}x`);
        const { diagnostics } = analyse(typo);
        expect(diagnostics.filter((d) => d.severity === "Error").map((d) => d.at)).toContain(`${column}x`);
      },
    );
  });
});

describe("the KQL checker itself", () => {
  it("rejects a misspelt column with the language service's unknown-name diagnostic", () => {
    const { diagnostics } = analyse("AppRequests | summarize Requests = sum(ItemCont) by AppRoleName");
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "Error", code: "KS142", at: "ItemCont" }),
    ]);
  });

  it("rejects a column that exists only in another table", () => {
    const { diagnostics } = analyse("AppRequests | summarize by ExceptionType");
    expect(diagnostics.map((d) => d.at)).toEqual(["ExceptionType"]);
  });

  it("rejects an unknown table", () => {
    expect(analyse("AppRequest | take 1").diagnostics.map((d) => d.code)).toEqual(["KS204"]);
  });

  it("rejects a type error: summing a string column", () => {
    const { diagnostics } = analyse("AppRequests | summarize sum(ResultCode)");
    expect(diagnostics.map((d) => d.code)).toEqual(["KS138"]);
  });

  it("rejects comparing a number with a datetime", () => {
    expect(analyse("AppRequests | where DurationMs > now()").diagnostics.map((d) => d.code)).toEqual([
      "KS106",
    ]);
  });
});
