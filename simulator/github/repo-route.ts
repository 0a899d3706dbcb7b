import { permissionAtLeast, type Identity, type RepoPermission } from "../identities";
import { forbiddenIntegration, notFound } from "../http/respond";
import type { Router } from "../http/router";
import type { SimRequest, SimResponse } from "../http/types";
import type { Simulation } from "../server";
import type { World } from "../world/world";

export interface RepoRequest {
  req: SimRequest;
  sim: Simulation;
  world: World;
  caller: Identity;
  /** World time of this request. */
  now: number;
}

export type RepoHandler = (r: RepoRequest) => SimResponse;

/**
 * Registers `/api/v3/repos/:owner/:repo<suffix>`. GitHub hides a private repository from anyone
 * without access (404) and refuses writes to readers (403 for app user tokens); admin-only
 * resources such as hooks are 404 to everyone else.
 */
export function repoRoute(
  router: Router,
  sim: Simulation,
  method: string,
  suffix: string,
  need: RepoPermission,
  handler: RepoHandler,
): void {
  router.add("api", method, `/api/v3/repos/:owner/:repo${suffix}`, (req) => {
    const world = sim.world;
    const caller = req.caller as Identity;
    const same = (a: string | undefined, b: string) => (a ?? "").toLowerCase() === b.toLowerCase();
    if (!same(req.params.owner, world.owner) || !same(req.params.repo, world.name)) return notFound();
    if (caller.permission === "none") return notFound();
    if (!permissionAtLeast(caller.permission, need))
      return need === "admin" ? notFound() : forbiddenIntegration();
    return handler({ req, sim, world, caller, now: world.nowMs() });
  });
}
