import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { listSourceFiles, parse, rel } from "./source-files";

const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

/** The callee name of `x = callee(...)`, looking through one local alias (`const GET = handle`). */
function guardOf(
  init: ts.Expression | undefined,
  locals: Map<string, ts.Expression | undefined>,
): string | null {
  if (!init) return null;
  if (ts.isIdentifier(init)) return guardOf(locals.get(init.text), locals);
  if (ts.isCallExpression(init) && ts.isIdentifier(init.expression)) {
    const name = init.expression.text;
    if (name === "withPermission") {
      const first = init.arguments[0];
      return first && ts.isStringLiteral(first) ? `permission:${first.text}` : "withPermission(non-literal)";
    }
    if (name === "publicRoute") return "public";
  }
  return null;
}

/** Every exported HTTP handler of every route.ts, with the guard it is wrapped in (or null). */
function routeHandlers(dirs = ["app"]) {
  const found: { where: string; guard: string | null }[] = [];
  for (const file of dirs.flatMap((d) => listSourceFiles(d)).filter((f) => /\/route\.tsx?$/.test(f))) {
    const source = parse(file);
    const locals = new Map<string, ts.Expression | undefined>();
    for (const statement of source.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          if (ts.isIdentifier(d.name)) locals.set(d.name.text, d.initializer);
        }
      }
    }
    for (const statement of source.statements) {
      const exported = ts.canHaveModifiers(statement)
        ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
        : false;
      if (
        ts.isFunctionDeclaration(statement) &&
        exported &&
        statement.name &&
        HTTP_METHODS.has(statement.name.text)
      ) {
        found.push({ where: `${rel(file)} ${statement.name.text}`, guard: null });
      }
      if (ts.isVariableStatement(statement) && exported) {
        for (const d of statement.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && HTTP_METHODS.has(d.name.text)) {
            found.push({ where: `${rel(file)} ${d.name.text}`, guard: guardOf(d.initializer, locals) });
          }
        }
      }
      if (
        ts.isExportDeclaration(statement) &&
        statement.exportClause &&
        ts.isNamedExports(statement.exportClause)
      ) {
        for (const el of statement.exportClause.elements) {
          if (HTTP_METHODS.has(el.name.text)) {
            const local = (el.propertyName ?? el.name).text;
            found.push({
              where: `${rel(file)} ${el.name.text}`,
              guard: statement.moduleSpecifier ? null : guardOf(locals.get(local), locals),
            });
          }
        }
      }
    }
  }
  return found;
}

function isUseServer(statement: ts.Statement | undefined): boolean {
  return (
    !!statement &&
    ts.isExpressionStatement(statement) &&
    ts.isStringLiteral(statement.expression) &&
    statement.expression.text === "use server"
  );
}

/** `await requirePermission("x")` or `const v = await requirePermission("x")`; returns "x". */
function permissionCheckedBy(statement: ts.Statement | undefined): string | null {
  if (!statement) return null;
  let expr: ts.Expression | undefined;
  if (ts.isExpressionStatement(statement)) expr = statement.expression;
  if (ts.isVariableStatement(statement)) expr = statement.declarationList.declarations[0]?.initializer;
  if (!expr || !ts.isAwaitExpression(expr)) return null;
  const call = expr.expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return null;
  if (call.expression.text !== "requirePermission") return null;
  const arg = call.arguments[0];
  return arg && ts.isStringLiteral(arg) ? arg.text : "non-literal";
}

/** Every server action: exported functions of "use server" files, and inline "use server" functions. */
function serverActions(dirs = ["app", "lib", "components"]) {
  const found: { where: string; permission: string | null }[] = [];
  for (const file of dirs.flatMap((d) => listSourceFiles(d))) {
    const source = parse(file);
    const fileIsServer = isUseServer(source.statements[0]);
    const visit = (node: ts.Node) => {
      if (
        (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) &&
        node.body &&
        ts.isBlock(node.body)
      ) {
        const statements = node.body.statements;
        const exportedTopLevel =
          fileIsServer &&
          ts.isFunctionDeclaration(node) &&
          node.parent === source &&
          ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
        const name = ts.isFunctionDeclaration(node) && node.name ? node.name.text : "(inline)";
        if (isUseServer(statements[0])) {
          found.push({ where: `${rel(file)} ${name}`, permission: permissionCheckedBy(statements[1]) });
        } else if (exportedTopLevel) {
          found.push({ where: `${rel(file)} ${name}`, permission: permissionCheckedBy(statements[0]) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    if (fileIsServer) {
      for (const statement of source.statements) {
        if (
          ts.isVariableStatement(statement) &&
          ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
        ) {
          for (const d of statement.declarationList.declarations) {
            const init = d.initializer;
            if (
              init &&
              (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) &&
              ts.isBlock(init.body)
            ) {
              found.push({
                where: `${rel(file)} ${d.name.getText(source)}`,
                permission: permissionCheckedBy(init.body.statements[0]),
              });
            }
          }
        }
      }
    }
  }
  return found;
}

describe("every entry point declares its permission", () => {
  const permissions = new Set<string>(PERMISSIONS);

  it("finds the app's route handlers (the scan itself works)", () => {
    expect(routeHandlers().map((h) => h.where)).toContain("app/api/me/route.ts GET");
  });

  it("catches unguarded handlers and actions in a fixture (the check can fail)", () => {
    const fixture = "test/architecture/fixtures";
    expect(routeHandlers([fixture])).toEqual([
      { where: `${fixture}/api/route.ts GET`, guard: null },
      { where: `${fixture}/api/route.ts POST`, guard: "permission:release.accept" },
      { where: `${fixture}/api/route.ts DELETE`, guard: null },
    ]);
    expect(serverActions([fixture])).toEqual([
      { where: `${fixture}/actions.ts guarded`, permission: "release.accept" },
      { where: `${fixture}/actions.ts checksTooLate`, permission: null },
      { where: `${fixture}/page.tsx act`, permission: null },
    ]);
  });

  it("wraps every route handler in withPermission(<known permission>) or publicRoute(<reason>)", () => {
    const offenders = routeHandlers().filter(
      (h) =>
        h.guard !== "public" && !(h.guard?.startsWith("permission:") && permissions.has(h.guard.slice(11))),
    );
    expect(offenders).toEqual([]);
  });

  it("starts every server action with await requirePermission(<known permission>)", () => {
    const offenders = serverActions().filter((a) => !a.permission || !permissions.has(a.permission));
    expect(offenders).toEqual([]);
  });
});
