"use client";

import { useSyncExternalStore } from "react";
import { getLiveStatus, getServerLiveStatus, subscribeLiveStatus, type LiveStatus } from "./live-connection";

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(subscribeLiveStatus, getLiveStatus, getServerLiveStatus);
}
