"use client";

import type { LiveChange, LiveTopic } from "@/lib/live/live-change";

/** `off`: no page wants updates; `polling`: the stream is down (or webhooks are not configured). */
export type LiveStatus = "off" | "connecting" | "live" | "polling";

interface Subscription {
  topics: readonly LiveTopic[];
  onChange: () => void;
}

const STREAM_URL = "/api/live";
/** After the server refused the stream (204 without webhooks, 401, 5xx), try again this much later. */
const REOPEN_AFTER_MS = 60_000;
/** Keep the connection across a client-side navigation instead of closing and reopening it. */
const CLOSE_IDLE_AFTER_MS = 2_000;

// One EventSource per tab, shared by every component that wants updates and by the header badge.
let source: EventSource | null = null;
let status: LiveStatus = "off";
let reopenTimer: ReturnType<typeof setTimeout> | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const subscriptions = new Set<Subscription>();
const statusListeners = new Set<() => void>();

function setStatus(next: LiveStatus) {
  if (status === next) return;
  status = next;
  for (const listener of statusListeners) listener();
}

function notify(topic: LiveTopic | "all") {
  for (const sub of subscriptions) if (topic === "all" || sub.topics.includes(topic)) sub.onChange();
}

function open() {
  clearTimeout(reopenTimer);
  const es = new EventSource(STREAM_URL);
  source = es;
  setStatus("connecting");
  es.addEventListener("ready", () => {
    // Events may have been missed while the stream was down: catch up once.
    const recovering = status === "polling";
    setStatus("live");
    if (recovering) notify("all");
  });
  es.addEventListener("change", (event: MessageEvent<string>) => {
    try {
      notify((JSON.parse(event.data) as LiveChange).topic);
    } catch {
      notify("all");
    }
  });
  es.addEventListener("error", () => {
    setStatus("polling");
    // EventSource retries network drops by itself; a refused stream is CLOSED and stays so.
    if (es.readyState === EventSource.CLOSED) {
      es.close();
      if (source === es) source = null;
      reopenTimer = setTimeout(() => {
        if (subscriptions.size > 0 && !source) open();
      }, REOPEN_AFTER_MS);
    }
  });
}

function close() {
  clearTimeout(reopenTimer);
  source?.close();
  source = null;
  setStatus("off");
}

/** Calls `onChange` when the server reports a change in one of `topics`; returns the unsubscribe. */
export function subscribeLive(topics: readonly LiveTopic[], onChange: () => void): () => void {
  const sub: Subscription = { topics, onChange };
  subscriptions.add(sub);
  clearTimeout(idleTimer);
  if (!source && status !== "polling") open();
  return () => {
    subscriptions.delete(sub);
    if (subscriptions.size === 0) idleTimer = setTimeout(close, CLOSE_IDLE_AFTER_MS);
  };
}

export function getLiveStatus(): LiveStatus {
  return status;
}

export function getServerLiveStatus(): LiveStatus {
  return "off";
}

export function subscribeLiveStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => {
    statusListeners.delete(listener);
  };
}
