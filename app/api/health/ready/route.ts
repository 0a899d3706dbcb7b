import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/auth/guard";
import { checkReadiness } from "@/lib/db/readiness";

export const dynamic = "force-dynamic";

// Readiness gates traffic: the database must answer and every migration must be applied.
export const GET = publicRoute("readiness probe", async () => {
  const result = await checkReadiness();
  return NextResponse.json(result, { status: result.status === "ready" ? 200 : 503 });
});
