import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { Driver } from "./driver";

// Same lock key as `prisma migrate deploy`, so the two never apply migrations at the same time.
const ADVISORY_LOCK_KEY = 72707369;

// Prisma's own bookkeeping table, column for column, so `prisma migrate deploy` accepts a database
// that this migrator prepared and vice versa.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`Migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      // Prisma records the SHA-256 of the file's bytes.
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations in order, each in its own transaction, and records them the way
 * `prisma migrate deploy` does. Running it again changes nothing. A migration that was edited after
 * being applied, or one left half-applied, stops start-up with a message saying so.
 */
export async function migrate(driver: Driver, dir: string): Promise<MigrationReport> {
  const migrations = readMigrations(dir);
  const locked = driver.kind === "postgres";
  if (locked) await driver.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await driver.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await driver.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const applied = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r]));
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const previous = applied.get(migration.name);
      if (previous) {
        if (previous.finished_at === null) {
          throw new Error(
            `Migration ${migration.name} started but did not finish; inspect the database, then mark it rolled back.`,
          );
        }
        if (previous.checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was modified after it was applied (checksum differs).`,
          );
        }
        report.alreadyApplied.push(migration.name);
        continue;
      }
      await driver.transaction(async (tx) => {
        await tx.exec(migration.sql);
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
      });
      report.applied.push(migration.name);
    }
    return report;
  } finally {
    if (locked) await driver.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
  }
}

/** Names of migrations in `dir` not yet recorded as applied — for the readiness probe. */
export async function pendingMigrations(driver: Driver, dir: string): Promise<string[]> {
  const rows = await driver
    .query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    )
    .catch(() => []);
  const done = new Set(rows.map((r) => r.migration_name));
  return readMigrations(dir)
    .map((m) => m.name)
    .filter((name) => !done.has(name));
}
