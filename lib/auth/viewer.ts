import { getServerSession } from "next-auth";
import { cache } from "react";
import { getConfig, type Role } from "@/lib/config/config";
import { authOptions } from "./options";
import { isAllowed, rolesFor } from "./roles";

export interface Viewer {
  login: string;
  name: string | null;
  image: string | null;
  roles: Role[];
}

/**
 * The signed-in person and their roles as of this request, or null. Roles and access are recomputed
 * from configuration every time, so removing someone takes effect on their next request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions());
  const login = session?.user.login;
  if (!login) return null;
  const config = getConfig();
  // An org member keeps access for the life of their session; listed people are re-checked here.
  if (!config.access.org && !isAllowed(login, config)) return null;
  return { login, name: session.user.name, image: session.user.image, roles: rolesFor(login, config) };
});
