import type { Driver } from "./driver";

export type Exclusive<T> = { acquired: true; value: T } | { acquired: false };

/**
 * Runs `work` only if no other session holds the advisory lock `key`, and tells whether it ran.
 *
 * PostgreSQL: the lock is taken with `pg_try_advisory_xact_lock` inside a transaction held open on one
 * pooled connection for as long as `work` runs (`work` itself uses other connections). It is released
 * when that transaction ends — commit, rollback, or the connection dying with its process — so a
 * crashed replica never leaves it behind, and nobody waits for it: a busy lock means "skip".
 *
 * PGlite: one connection in one process per data folder, so there is nobody to exclude; its advisory
 * locks are re-entrant on that single connection (always granted), and an open transaction there
 * would block the queries `work` makes. `work` simply runs.
 */
export async function tryAdvisoryLock<T>(
  driver: Pick<Driver, "kind" | "transaction">,
  key: bigint,
  work: () => Promise<T>,
): Promise<Exclusive<T>> {
  if (driver.kind === "pglite") return { acquired: true, value: await work() };
  return driver.transaction(async (tx): Promise<Exclusive<T>> => {
    const [row] = await tx.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_xact_lock($1::bigint) AS locked",
      [key.toString()],
    );
    if (!row?.locked) return { acquired: false };
    return { acquired: true, value: await work() };
  });
}
