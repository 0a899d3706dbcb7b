import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { templatesDir } from "./templates-workflow-steps";

/**
 * No Bicep compiler runs offline, so these checks catch what a typo would break: module paths,
 * parameters passed and required, outputs read, bracket balance, role definition ids.
 */

const infraDir = path.join(templatesDir, "infra");
const bicepFiles = [
  path.join(infraDir, "main.bicep"),
  ...readdirSync(path.join(infraDir, "modules")).map((file) => path.join(infraDir, "modules", file)),
];

/** The text with comments removed and string literals emptied, so brackets can be counted. */
function code(text: string): string {
  // One pass, so a `//` inside a string (a URL) is not taken for a comment.
  return text.replace(/'(?:\\.|[^'\\])*'|\/\/[^\n]*/g, (token) => (token.startsWith("'") ? "''" : ""));
}

interface ModuleShape {
  params: Map<string, { required: boolean }>;
  outputs: Set<string>;
}

function shapeOf(file: string): ModuleShape {
  const text = readFileSync(file, "utf8");
  const params = new Map<string, { required: boolean }>();
  for (const match of text.matchAll(/^param (\w+) \w+( =.*)?$/gm)) {
    params.set(match[1] ?? "", { required: match[2] === undefined });
  }
  const outputs = new Set([...text.matchAll(/^output (\w+) /gm)].map((match) => match[1] ?? ""));
  return { params, outputs };
}

interface ModuleCall {
  symbol: string;
  file: string;
  passed: string[];
}

function moduleCalls(file: string): ModuleCall[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^module (\w+) '([^']+)' = \{\n([\s\S]*?)\n\}/gm)].map((match) => {
    const body = match[3] ?? "";
    const params = /^ {2}params: \{\n([\s\S]*?)\n {2}\}/m.exec(body)?.[1] ?? "";
    return {
      symbol: match[1] ?? "",
      file: path.join(path.dirname(file), match[2] ?? ""),
      passed: [...params.matchAll(/^ {4}(\w+):/gm)].map((param) => param[1] ?? ""),
    };
  });
}

describe("Bicep templates", () => {
  for (const file of bicepFiles) {
    it(`${path.relative(infraDir, file)} has balanced brackets`, () => {
      const text = code(readFileSync(file, "utf8"));
      const stack: string[] = [];
      const pairs: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
      for (const char of text) {
        if ("([{".includes(char)) stack.push(char);
        else if (char in pairs) expect(stack.pop()).toBe(pairs[char]);
      }
      expect(stack).toEqual([]);
    });
  }

  const calls = moduleCalls(path.join(infraDir, "main.bicep"));

  it("main.bicep calls every module and each module file exists", () => {
    expect([...new Set(calls.map((call) => path.basename(call.file)))].sort()).toEqual(
      readdirSync(path.join(infraDir, "modules")).sort(),
    );
    for (const call of calls) expect(existsSync(call.file)).toBe(true);
  });

  for (const call of calls) {
    it(`module ${call.symbol} gets every required parameter and no unknown one`, () => {
      const shape = shapeOf(call.file);
      expect(call.passed.filter((name) => !shape.params.has(name))).toEqual([]);
      const required = [...shape.params].filter(([, param]) => param.required).map(([name]) => name);
      expect(required.filter((name) => !call.passed.includes(name))).toEqual([]);
    });
  }

  it("reads only outputs that the modules declare", () => {
    const main = readFileSync(path.join(infraDir, "main.bicep"), "utf8");
    const shapes = new Map(calls.map((call) => [call.symbol, shapeOf(call.file)]));
    const missing = [...main.matchAll(/\b(\w+)\.outputs\.(\w+)/g)]
      .filter((match) => !shapes.get(match[1] ?? "")?.outputs.has(match[2] ?? ""))
      .map((match) => match[0]);
    expect(missing).toEqual([]);
  });

  it("federates exactly the four GitHub subjects the workflows present", () => {
    const identity = readFileSync(path.join(infraDir, "modules/github-identity.bicep"), "utf8");
    const subjects = [...identity.matchAll(/subject: 'repo:\$\{githubRepository\}:([^']+)'/g)].map(
      (m) => m[1],
    );
    expect(subjects).toEqual([
      "environment:staging",
      "environment:production",
      "ref:refs/heads/testing",
      "ref:refs/heads/main",
    ]);
  });

  it("names built-in roles by well-formed ids", () => {
    const roles = readFileSync(path.join(infraDir, "modules/role-assignments.bicep"), "utf8");
    const ids = [...roles.matchAll(/^ {2}\w+: '([^']+)'$/gm)].map((match) => match[1] ?? "");
    expect(ids.length).toBeGreaterThanOrEqual(8);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
