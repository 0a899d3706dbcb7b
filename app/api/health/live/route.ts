import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

// Liveness says only that the process answers; probes must reach it without signing in.
export const GET = publicRoute("liveness probe", async () =>
  NextResponse.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) }),
);
