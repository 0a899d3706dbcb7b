// Runs once when the server starts. Configuration and the database are checked here so that a bad
// variable or an unreachable DATABASE_URL stops start-up with a clear message, not the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server/start-server");
  await startServer();
}
