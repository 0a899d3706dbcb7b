import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { environmentSchema } from "@/lib/config/schema";
import { ROOT } from "./source-files";

describe("README stays true to the code", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");

  it("documents every configuration variable the schema reads", () => {
    const undocumented = Object.keys(environmentSchema.shape).filter(
      (name) => name !== "NODE_ENV" && !readme.includes(`\`${name}\``),
    );
    expect(undocumented).toEqual([]);
  });

  it("gives the two commands the CI and a newcomer use", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toContain("npm ci && npm test");
    expect(readFileSync(join(ROOT, ".ci", "run"), "utf8")).toMatch(/^npm ci && npm test$/m);
  });
});
