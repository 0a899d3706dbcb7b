import { describe, expect, it, vi, beforeEach } from "vitest";
import type { Role } from "@/lib/config/config";
import { PERMISSIONS, ROLES, can } from "./permissions";
import type { Viewer } from "./viewer";

// The guard reads the session through getViewer; here we decide who is asking.
const current: { viewer: Viewer | null } = { viewer: null };
vi.mock("./viewer", () => ({ getViewer: () => Promise.resolve(current.viewer) }));

const { authorize, AuthError, requirePermission, withPermission, PERMISSION_TAG } = await import("./guard");

const person = (roles: Role[]): Viewer => ({ login: "someone", name: null, image: null, roles });

describe("authorize", () => {
  it("refuses an anonymous caller with 401 for every permission", () => {
    for (const permission of PERMISSIONS) {
      expect(() => authorize(null, permission)).toThrowError(
        expect.objectContaining({ status: 401 }) as Error,
      );
    }
  });

  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const roles: Role[] = role === "viewer" ? ["viewer"] : ["viewer", role];
      const allowed = can(roles, permission);
      it(`${role} → ${permission}: ${allowed ? "allowed" : "403"}`, () => {
        if (allowed) {
          expect(authorize(person(roles), permission).roles).toEqual(roles);
        } else {
          let caught: unknown;
          try {
            authorize(person(roles), permission);
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(AuthError);
          expect((caught as InstanceType<typeof AuthError>).status).toBe(403);
          expect((caught as Error).message).toContain(permission);
        }
      });
    }
  }
});

describe("withPermission (route handlers)", () => {
  const handler = vi.fn((_req: Request, _ctx: unknown, viewer: Viewer) =>
    Promise.resolve(Response.json({ ran: true, login: viewer.login })),
  );
  const route = withPermission("production.rollback", handler);

  beforeEach(() => {
    handler.mockClear();
  });

  it("answers 401 JSON and never runs the handler for an anonymous caller", async () => {
    current.viewer = null;
    const response = await route(new Request("http://x/api"), {});
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthenticated" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 403 JSON and never runs the handler without the permission", async () => {
    current.viewer = person(["viewer", "qa"]);
    const response = await route(new Request("http://x/api"), {});
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "forbidden" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("runs the handler with the viewer when allowed", async () => {
    current.viewer = person(["viewer", "lead"]);
    const response = await route(new Request("http://x/api"), {});
    expect(response.status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(await response.json()).toEqual({ ran: true, login: "someone" });
  });

  it("declares its permission on the handler for the route audit test", () => {
    expect((route as unknown as Record<symbol, string>)[PERMISSION_TAG]).toBe("production.rollback");
  });

  it("requirePermission returns the viewer for server actions", async () => {
    current.viewer = person(["viewer", "qa"]);
    await expect(requirePermission("release.accept")).resolves.toMatchObject({ login: "someone" });
    await expect(requirePermission("production.rollback")).rejects.toMatchObject({ status: 403 });
  });
});
