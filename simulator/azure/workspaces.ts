import type { Environment } from "./rows";

/** Log Analytics workspace ids of the demo, one per environment (see AGENTS.md). */
export const WORKSPACE_IDS: Readonly<Record<Environment, string>> = {
  staging: "11111111-1111-4111-8111-111111111111",
  production: "22222222-2222-4222-8222-222222222222",
};

export function environmentOfWorkspace(workspaceId: string): Environment | null {
  const id = workspaceId.toLowerCase();
  for (const [environment, workspace] of Object.entries(WORKSPACE_IDS) as [Environment, string][]) {
    if (workspace === id) return environment;
  }
  return null;
}
