import { createHmac, randomUUID } from "node:crypto";
import type { Urls } from "../urls";
import type { World } from "../world/world";
import { toDelivery } from "./payloads";

export interface WebhookTarget {
  url: string;
  secret: string;
}

export interface DeliveryRecord {
  id: string;
  event: string;
  action: string | null;
  url: string;
  status: number | null;
  error: string | null;
  at: string;
  durationMs: number;
}

export const HOOK_ID = 481_516_231;
const MAX_RECORDS = 1000;
const TIMEOUT_MS = 10_000;

export function signature256(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/**
 * Delivers world events as signed GitHub webhooks. Payloads are built synchronously (state as of the
 * event); sending is queued, in order, never blocks the API, and failures are recorded, not retried
 * (GitHub does not redeliver on its own either).
 */
export class WebhookDispatcher {
  private target: WebhookTarget | null;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  readonly records: DeliveryRecord[] = [];
  createdAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  lastResponse: { code: number | null; status: string; message: string | null } = {
    code: null,
    status: "unused",
    message: null,
  };

  constructor(
    target: WebhookTarget | null,
    private readonly urls: Urls,
  ) {
    this.target = target;
  }

  configure(target: WebhookTarget | null): void {
    this.target = target;
  }

  current(): WebhookTarget | null {
    return this.target;
  }

  /** Stops sending (queued deliveries are dropped) when the simulator shuts down. */
  stop(): Promise<void> {
    this.stopped = true;
    return this.queue;
  }

  attach(world: World): void {
    world.onEvent((e) => {
      const target = this.target;
      if (!target) return;
      const d = toDelivery(this.urls, world, e);
      this.enqueue(target, d.event, d.action, JSON.stringify(d.payload));
    });
  }

  /** Resolves once everything queued so far has been attempted (tests). */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(target: WebhookTarget, event: string, action: string | null, body: string): void {
    const id = randomUUID();
    this.queue = this.queue.then(() => this.send(target, id, event, action, body));
  }

  private async send(
    target: WebhookTarget,
    id: string,
    event: string,
    action: string | null,
    body: string,
  ): Promise<void> {
    if (this.stopped) return;
    const started = performance.now();
    const record: DeliveryRecord = {
      id,
      event,
      action,
      url: target.url,
      status: null,
      error: null,
      at: new Date().toISOString(),
      durationMs: 0,
    };
    try {
      const res = await fetch(target.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/sim",
          "x-github-event": event,
          "x-github-delivery": id,
          "x-github-hook-id": String(HOOK_ID),
          "x-github-hook-installation-target-type": "repository",
          "x-github-hook-installation-target-id": "742118903",
          "x-hub-signature": `sha1=${createHmac("sha1", target.secret).update(body).digest("hex")}`,
          "x-hub-signature-256": signature256(target.secret, body),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      record.status = res.status;
      this.lastResponse = {
        code: res.status,
        status: res.ok ? "active" : "failed",
        message: res.ok ? "OK" : `Invalid HTTP Response: ${res.status}`,
      };
      if (!res.ok) console.error(`[sim] webhook ${event} ${id} → HTTP ${res.status}`);
    } catch (err) {
      record.error = err instanceof Error ? err.message : String(err);
      this.lastResponse = { code: null, status: "failed", message: record.error };
      console.error(`[sim] webhook ${event} ${id} failed: ${record.error}`);
    }
    record.durationMs = Math.round(performance.now() - started);
    this.records.push(record);
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
  }
}
