import { STATUS_CODES } from "node:http";
import type { Fault } from "./faults";
import { githubError } from "./respond";
import type { SimResponse } from "./types";

const RATE_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";

/** The answer GitHub gives in the situation the fault simulates (hang and drop are handled by the pipeline). */
export function faultResponse(
  fault: Fault,
  ctx: { requestId: string; userId: number | null; limit: number },
): SimResponse {
  const delay = fault.seconds ?? 60;
  if (fault.kind === "rate-limit") {
    const status = fault.status ?? 403;
    const headers: Record<string, string> = {
      "x-ratelimit-limit": String(ctx.limit),
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + delay),
      "x-ratelimit-used": String(ctx.limit),
      "x-ratelimit-resource": "core",
    };
    if (status === 429) headers["retry-after"] = String(delay);
    return githubError(
      status,
      `API rate limit exceeded for user ID ${ctx.userId ?? 0}. If you reach out to GitHub Support for help, please include the request ID ${ctx.requestId} and timestamp ${new Date().toISOString().replace(/\.\d+Z$/, "")} UTC.`,
      { docs: RATE_DOCS, headers },
    );
  }
  if (fault.kind === "secondary-rate-limit") {
    return githubError(
      fault.status ?? 403,
      `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${ctx.requestId}.`,
      { docs: `${RATE_DOCS}#about-secondary-rate-limits`, headers: { "retry-after": String(delay) } },
    );
  }
  const status = fault.status ?? 500;
  return githubError(status, STATUS_CODES[status] ?? "Server Error");
}
