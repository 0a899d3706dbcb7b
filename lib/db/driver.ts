import { mkdirSync } from "node:fs";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * The raw SQL side of the two databases we support. Prisma talks to them through `adapter`; the
 * migrator and the schema tests use `query`/`exec` directly.
 */
export interface Driver {
  kind: "pglite" | "postgres";
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (a migration file) in one round trip. */
  exec(sql: string): Promise<void>;
  /** Runs `fn` inside one transaction on one connection. */
  transaction<T>(fn: (tx: Pick<Driver, "query" | "exec">) => Promise<T>): Promise<T>;
  adapter: SqlDriverAdapterFactory;
  close(): Promise<void>;
}

export type DriverTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export async function openDriver(target: DriverTarget): Promise<Driver> {
  return target.kind === "postgres" ? openPostgres(target.url) : openPglite(target.dataDir);
}

async function openPostgres(url: string): Promise<Driver> {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // Fail fast on a wrong URL instead of at the first page load.
  const probe = await pool.connect().catch((error: unknown) => {
    void pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot connect to DATABASE_URL (${redact(url)}): ${reason}`);
  });
  probe.release();
  const query = async <Row>(sql: string, params: unknown[] = []) =>
    (await pool.query(sql, params)).rows as Row[];
  return {
    kind: "postgres",
    query,
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          query: async <Row>(sql: string, params: unknown[] = []) =>
            (await client.query(sql, params)).rows as Row[],
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    adapter: new PrismaPg(pool),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<Driver> {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  mkdirSync(dataDir, { recursive: true });
  const db = dataDir === ":memory:" ? new PGlite() : new PGlite(`${dataDir.replace(/\/+$/, "")}/pglite`);
  await db.waitReady;
  const query = async <Row>(sql: string, params: unknown[] = []) => (await db.query<Row>(sql, params)).rows;
  return {
    kind: "pglite",
    query,
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async <Row>(sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows,
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    adapter: new PrismaPGlite(db),
    close: () => db.close(),
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
