import type { PrismaClient } from "@/lib/db/generated/client";
import type { ReadCache } from "@/lib/github/read-cache";
import { hasHints, type OperationHints } from "@/lib/operations/wake-operations";
import { isAcceptedEvent } from "./accepted-events";
import { claimDelivery } from "./claim-delivery";
import { finishDelivery } from "./finish-delivery";
import { processDelivery } from "./process-delivery";
import { readCappedBody } from "./read-capped-body";
import { verifySignature } from "./verify-signature";

export interface ReceiverDeps {
  /** Accepted secrets (two during a rotation); none means webhooks are not configured. */
  secrets: readonly string[];
  maxBytes: number;
  prisma: () => Promise<PrismaClient>;
  cache: ReadCache;
  /** Schedules work to run after the answer has gone out. */
  afterResponse: (task: () => Promise<void>) => void;
  /** Brings the operations an event concerns forward and runs the worker; absent: operations poll on. */
  wakeOperations?: (hints: OperationHints) => Promise<void>;
}

const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status });

/**
 * `POST /api/webhooks/github`. Order matters: size cap, then signature over the raw bytes, and only
 * then any parsing or database write, so an unauthenticated sender can make us do nothing but hash.
 * GitHub wants an answer within 10 s, so the delivery is recorded and acknowledged first and
 * processed afterwards.
 */
export async function receiveWebhook(request: Request, deps: ReceiverDeps): Promise<Response> {
  if (deps.secrets.length === 0) {
    return answer(503, { error: "not-configured", message: "GITHUB_WEBHOOK_SECRET is not set." });
  }
  const body = await readCappedBody(request, deps.maxBytes);
  if (!body.ok) {
    return answer(413, {
      error: "too-large",
      message: `Webhook bodies are limited to ${deps.maxBytes} bytes.`,
    });
  }
  if (!(await verifySignature(deps.secrets, body.text, request.headers.get("x-hub-signature-256")))) {
    return answer(401, { error: "bad-signature", message: "X-Hub-Signature-256 does not match the body." });
  }

  const event = request.headers.get("x-github-event") ?? "";
  const deliveryId = request.headers.get("x-github-delivery") ?? "";
  if (!event || !deliveryId) {
    return answer(400, {
      error: "bad-request",
      message: "X-GitHub-Event and X-GitHub-Delivery are required.",
    });
  }
  if (!isAcceptedEvent(event)) return answer(202, { status: "ignored", event });

  const payload = parsePayload(body.text, request.headers.get("content-type"));
  if (payload === undefined) return answer(400, { error: "bad-request", message: "The body is not JSON." });
  const action =
    typeof payload === "object" &&
    payload !== null &&
    "action" in payload &&
    typeof payload.action === "string"
      ? payload.action
      : null;

  const prisma = await deps.prisma();
  const claim = await claimDelivery(prisma, { deliveryId, event, action });
  if (claim === "duplicate") return answer(200, { status: "duplicate", deliveryId });

  deps.afterResponse(async () => {
    try {
      const processed = processDelivery(deps.cache, { event, action, payload });
      if (deps.wakeOperations && hasHints(processed.wake)) await deps.wakeOperations(processed.wake);
      await finishDelivery(prisma, deliveryId, { ok: true });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`webhook ${event} ${deliveryId} failed: ${message}`);
      await finishDelivery(prisma, deliveryId, { ok: false, error: message }).catch(() => undefined);
    }
  });
  return answer(202, { status: "accepted", deliveryId, redelivery: claim === "retry" });
}

/** GitHub sends JSON, or (for hooks configured so) form-encoded with the JSON in `payload`. */
function parsePayload(text: string, contentType: string | null): unknown {
  try {
    if (contentType?.startsWith("application/x-www-form-urlencoded")) {
      const inner = new URLSearchParams(text).get("payload");
      return inner === null ? undefined : (JSON.parse(inner) as unknown);
    }
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
