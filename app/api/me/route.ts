import { NextResponse } from "next/server";
import { withPermission } from "@/lib/auth/guard";
import { PERMISSIONS, can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

/** Who the caller is and what they may do — used by the UI and by tests of the guard. */
export const GET = withPermission("runs.read", async (_request, _context, viewer) =>
  NextResponse.json({
    login: viewer.login,
    roles: viewer.roles,
    permissions: PERMISSIONS.filter((p) => can(viewer.roles, p)),
  }),
);
