/**
 * `prisma generate` without network: the CLI insists on locating its schema engine even though
 * generation never runs it, and the engine cannot be downloaded here (ENVIRONMENT.md). Pointing
 * PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies the check.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const placeholder = join(root, "node_modules", ".cache", "release-desk", "no-schema-engine");
if (!existsSync(placeholder)) {
  mkdirSync(join(placeholder, ".."), { recursive: true });
  writeFileSync(placeholder, "generation does not run the schema engine\n");
}
const result = spawnSync(process.execPath, [join(root, "node_modules/prisma/build/index.js"), "generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
