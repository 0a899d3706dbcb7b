import { ConfigError, getConfig } from "@/lib/config/config";
import { getDatabase } from "@/lib/db/client";
import { startReconciler } from "@/lib/reconciler/start-reconciler";

export async function startServer(): Promise<void> {
  // `next build` loads instrumentation too; the runtime configuration is not there yet.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    const config = getConfig();
    const { driver } = await getDatabase();
    console.log(
      `[release-desk] ready: ${config.github.owner}/${config.github.repo} via ${config.github.apiUrl}; database ${
        driver.kind === "pglite" ? `embedded (${config.dataDir})` : "PostgreSQL"
      }${config.simulator ? "; SIMULATOR MODE" : ""}`,
    );
    // Resumes operations a previous process left unfinished, then reconciles on an interval.
    startReconciler();
  } catch (error) {
    const message =
      error instanceof ConfigError ? error.message : `Release Desk cannot start: ${String(error)}`;
    console.error(message);
    // Exiting is the point: a half-started server would fail on every request instead.
    process.exit(1);
  }
}
