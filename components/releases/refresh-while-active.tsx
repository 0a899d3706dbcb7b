"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const INTERVAL_MS = 2_000;

/** Re-renders the page from the server every 2 s while a step is pending or running. */
export function RefreshWhileActive({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const interval = setInterval(() => router.refresh(), INTERVAL_MS);
    return () => clearInterval(interval);
  }, [active, router]);
  return null;
}
