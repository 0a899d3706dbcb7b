import { chronological, deliversChanges, ran, type DoraDeployment } from "./dora-deployment";

export interface CompareBase {
  deploymentId: number;
  /** What production ran before this deploy: the SHA of the latest earlier deployment that ran. */
  base: string;
  head: string;
}

/**
 * Which comparison gives the commits each release deploy in the window brought to production,
 * newest deploy first. A failed deploy in between changed nothing, so the base skips it; a deploy
 * with no earlier deployment in sight has no base and its commits stay unknown.
 */
export function compareBases(
  deployments: readonly DoraDeployment[],
  window: { start: number; end: number },
): CompareBase[] {
  const bases: CompareBase[] = [];
  let running: DoraDeployment | null = null;
  for (const d of chronological(deployments)) {
    const inWindow = d.createdAt >= window.start && d.createdAt <= window.end;
    if (inWindow && deliversChanges(d) && ran(d) && running) {
      bases.push({ deploymentId: d.id, base: running.sha, head: d.sha });
    }
    if (ran(d)) running = d;
  }
  return bases.reverse();
}
