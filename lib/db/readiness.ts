import { getDatabase } from "./client";
import { MIGRATIONS_DIR } from "./database";
import { pendingMigrations } from "./migrate";

export interface Readiness {
  status: "ready" | "not_ready";
  database: { reachable: boolean; kind?: "pglite" | "postgres"; error?: string };
  migrations: { pending: string[] };
}

export async function checkReadiness(): Promise<Readiness> {
  try {
    const { driver } = await getDatabase();
    await driver.query("SELECT 1");
    const pending = await pendingMigrations(driver, MIGRATIONS_DIR);
    return {
      status: pending.length === 0 ? "ready" : "not_ready",
      database: { reachable: true, kind: driver.kind },
      migrations: { pending },
    };
  } catch (error) {
    return {
      status: "not_ready",
      database: { reachable: false, error: error instanceof Error ? error.message : String(error) },
      migrations: { pending: [] },
    };
  }
}
