/** `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL or DATA_DIR). */
import { resolve } from "node:path";
import { openDriver } from "../lib/db/driver";
import { migrate } from "../lib/db/migrate";

const target = process.env.DATABASE_URL
  ? ({ kind: "postgres", url: process.env.DATABASE_URL } as const)
  : ({ kind: "pglite", dataDir: process.env.DATA_DIR ?? ".data" } as const);

const driver = await openDriver(target);
try {
  const report = await migrate(driver, resolve("prisma/migrations"));
  console.log(
    `${target.kind === "postgres" ? "PostgreSQL" : `embedded database in ${target.dataDir}`}: ` +
      `${report.applied.length} applied${report.applied.length ? ` (${report.applied.join(", ")})` : ""}, ` +
      `${report.alreadyApplied.length} already applied.`,
  );
} finally {
  await driver.close();
}
