import type { DeploymentStateView } from "./deployment-state";

/**
 * GitHub never marks earlier production deployments inactive (auto_inactive skips production
 * environments), so every past success still reads "success". In a history that is "Succeeded";
 * only the newest success is what production runs now: "Live".
 */
export function historyOutcomes(states: DeploymentStateView[], page: number): DeploymentStateView[] {
  const liveIndex = page === 1 ? states.findIndex((s) => s.phase === "ready") : -1;
  return states.map((state, i) => {
    if (state.phase !== "ready") return state;
    return i === liveIndex ? { ...state, label: "Live" } : { ...state, label: "Succeeded" };
  });
}
