"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { LiveTopic } from "@/lib/live/live-change";
import { subscribeLive } from "./live-connection";
import { useLiveStatus } from "./use-live-status";

/** A burst of events (a run's jobs starting together) becomes one refresh. */
const DEBOUNCE_MS = 150;
export const POLL_INTERVAL_MS = 15_000;

/**
 * Re-renders the page from the server (`router.refresh()`, which keeps client state and scroll) when
 * the server reports a change in one of `topics`; while the stream is down, every 15 s instead.
 */
export function LiveRefresh({ topics }: { topics: readonly LiveTopic[] }) {
  const router = useRouter();
  const status = useLiveStatus();
  const topicsKey = [...topics].sort().join(",");

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribeLive(topicsKey.split(",") as LiveTopic[], () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [router, topicsKey]);

  useEffect(() => {
    if (status !== "polling") return;
    const interval = setInterval(() => router.refresh(), POLL_INTERVAL_MS);
    return () => clearInterval(interval);
  }, [router, status]);

  return null;
}
