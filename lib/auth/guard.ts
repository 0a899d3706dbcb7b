import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { redirect } from "next/navigation";
import { can, type Permission } from "./permissions";
import { getViewer, type Viewer } from "./viewer";

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

/**
 * The one authorisation check. It is the first statement of every server action and, through
 * `withPermission`, of every route handler. It returns the viewer so callers never re-read the session.
 */
export async function requirePermission(permission: Permission): Promise<Viewer> {
  return authorize(await getViewer(), permission);
}

/** The decision itself, separate from reading the session so it can be tested for every case. */
export function authorize(viewer: Viewer | null, permission: Permission): Viewer {
  if (!viewer) throw new AuthError(401, "Sign in to continue.");
  if (!can(viewer.roles, permission)) {
    throw new AuthError(403, `Your roles (${viewer.roles.join(", ")}) do not allow ${permission}.`);
  }
  return viewer;
}

/** For pages: unauthenticated people go to sign-in; those lacking the permission see a refusal. */
export async function requirePagePermission(
  permission: Permission,
  returnTo: string,
): Promise<{ viewer: Viewer; allowed: true } | { viewer: Viewer; allowed: false; message: string }> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(viewer.roles, permission)) {
    return {
      viewer,
      allowed: false,
      message: `Your roles (${viewer.roles.join(", ")}) do not allow ${permission}.`,
    };
  }
  return { viewer, allowed: true };
}

export type GuardedHandler<Ctx> = (request: Request, context: Ctx, viewer: Viewer) => Promise<Response>;

export const PERMISSION_TAG = Symbol.for("release-desk.permission");

/** Wraps a route handler so it answers 401/403 JSON before any of its own code runs. */
export function withPermission<Ctx>(permission: Permission, handler: GuardedHandler<Ctx>) {
  const guarded = async (request: Request, context: Ctx): Promise<Response> => {
    let viewer: Viewer;
    try {
      viewer = await requirePermission(permission);
    } catch (error) {
      if (error instanceof AuthError) {
        return NextResponse.json(
          { error: error.status === 401 ? "unauthenticated" : "forbidden", message: error.message },
          { status: error.status },
        );
      }
      throw error;
    }
    return handler(request, context, viewer);
  };
  return Object.assign(guarded, { [PERMISSION_TAG]: permission });
}

/** Marks a route handler that must be reachable without signing in (health probes, auth, webhooks). */
export function publicRoute<Ctx>(
  reason: string,
  handler: (request: Request, context: Ctx) => Promise<Response>,
) {
  return Object.assign(handler, { [PERMISSION_TAG]: `public: ${reason}` });
}

export function requestId(): string {
  return randomUUID();
}
