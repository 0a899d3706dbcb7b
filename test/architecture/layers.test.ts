import ts from "typescript";
import { describe, expect, it } from "vitest";
import { listSourceFiles, parse, rel } from "./source-files";

function imports(file: string): string[] {
  const source = parse(file);
  const specs: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) specs.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) specs.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specs;
}

function violations(dirs: string[], forbidden: RegExp) {
  return dirs
    .flatMap((dir) => listSourceFiles(dir))
    .flatMap((file) =>
      imports(file)
        .filter((s) => forbidden.test(s))
        .map((s) => `${rel(file)} imports ${s}`),
    );
}

describe("architecture: imports only flow the way DESIGN.md draws them", () => {
  it("the app never imports the simulator", () => {
    expect(violations(["app", "lib", "components"], /(^|\/)simulator(\/|$)/)).toEqual([]);
  });
  it("the simulator never imports the app", () => {
    expect(violations(["simulator"], /^@\/|(\.\.\/)+(lib|app|components)\//)).toEqual([]);
  });
  it("components do no data access", () => {
    expect(violations(["components"], /^@\/lib\/(db|github|azure)\//)).toEqual([]);
  });
  it("lib never imports routes or UI", () => {
    expect(violations(["lib"], /^@\/(app|components)\//)).toEqual([]);
  });
  it("gateways do not depend on the domain", () => {
    expect(violations(["lib/github", "lib/azure", "lib/db"], /^@\/lib\/(releases|auth|audit)\//)).toEqual([]);
  });
});
