import { after } from "next/server";

/**
 * Runs `task` once the response has been sent: inside a Next request through `after()` (which keeps
 * the work alive past the response), and on the next turn of the event loop when the handler is
 * called outside Next (integration tests, scripts), where `after()` throws for lack of a request scope.
 */
export function afterResponse(task: () => Promise<void>): void {
  try {
    after(task);
  } catch {
    setImmediate(() => void task());
  }
}
