import { ACTIONS_BOT } from "../identities";
import type { Transition } from "./progress";
import type { Deployment, Run } from "./types";
import type { World } from "./world";

/** Announces a transition and applies what the workflow's steps do to the world. */
export function applyTransition(world: World, tr: Transition): void {
  const { run, attempt, at } = tr;
  if (tr.kind === "run") {
    world.emit({
      type: "workflow_run",
      action: tr.action as "requested" | "in_progress" | "completed",
      run,
      attempt,
      at,
    });
    return;
  }
  const job = tr.job;
  if (!job) return;
  if (job.conclusion !== "skipped") {
    world.emit({
      type: "workflow_job",
      action: tr.action as "queued" | "waiting" | "in_progress" | "completed",
      run,
      attempt,
      jobIndex: job.index,
      at,
    });
    if (tr.action === "waiting") {
      world.emit({
        type: "deployment_review",
        action: "requested",
        run,
        attempt,
        jobIndex: job.index,
        reviewer: null,
        comment: null,
        at,
      });
    }
  }
  const effect = EFFECTS[run.workflow][`${job.name}:${tr.action}`];
  effect?.(world, run, at, job.conclusion);
}

type Effect = (world: World, run: Run, at: number, conclusion: string | null) => void;

const BOT = ACTIONS_BOT.login;
const runLog = (world: World, run: Run) => `/${world.owner}/${world.name}/actions/runs/${run.id}`;

const EFFECTS: Record<Run["workflow"], Record<string, Effect>> = {
  "ci-staging": {
    "deploy-staging:in_progress": (world, run, at) => {
      const commit = world.graph.get(run.headSha);
      if (!commit) return;
      const images = world.buildImages(commit);
      const namespace = `staging-${commit.sha.slice(0, 7)}`;
      world.namespaces.set(namespace, { sha: commit.sha, createdAt: at, removedAt: null });
      const d = world.createDeployment({
        sha: commit.sha,
        ref: commit.sha,
        environment: "staging",
        payload: { namespace, images, triggered_by: run.actor, run_id: run.id },
        description: `Staging namespace ${namespace}`,
        creator: BOT,
        at,
        runId: run.id,
        // As ci-staging.yml creates it: each commit has its own namespace, active until torn down.
        transient: true,
        production: false,
      });
      world.addDeploymentStatus(d, {
        state: "in_progress",
        creator: BOT,
        at,
        logUrl: runLog(world, run),
        description: "Deploying to staging",
      });
    },
    "smoke:completed": (world, run, at, conclusion) => {
      const d = runDeployments(world, run)[0];
      if (!d || (conclusion !== "success" && conclusion !== "failure")) return;
      const ns = String(d.payload.namespace);
      world.addDeploymentStatus(d, {
        state: conclusion,
        creator: BOT,
        at,
        logUrl: runLog(world, run),
        environmentUrl: `https://${ns}.shop.acme.example`,
        description: conclusion === "success" ? "Smoke tests passed" : "Smoke tests failed",
        autoInactive: false,
      });
      // The pipeline deletes a namespace whose smoke test failed; nothing will be accepted from it.
      if (conclusion === "failure") world.endNamespace(d, at);
    },
  },
  "staging-teardown": {
    "teardown:completed": (world, run, at, conclusion) => {
      if (conclusion !== "success") return;
      const ns = world.namespaces.get(run.inputs.namespace ?? "");
      if (ns && ns.removedAt === null) ns.removedAt = at;
      const sha = world.graph.resolve(run.inputs.sha ?? "")?.sha;
      if (!sha) return;
      for (const d of world.deployments.list({ environment: "staging", sha })) {
        if (world.deployments.latestState(d) === "inactive") continue;
        world.addDeploymentStatus(d, {
          state: "inactive",
          creator: BOT,
          at,
          logUrl: runLog(world, run),
          description: `Namespace ${run.inputs.namespace ?? ""} deleted`,
        });
        world.endNamespace(d, at);
      }
    },
  },
  "deploy-production": {
    "deploy:in_progress": (world, run, at) => {
      const target = world.graph.resolve(run.inputs.sha || run.headSha);
      const images = target ? world.imagesFor(target.sha) : null;
      if (!target || !images) return;
      const reason = run.inputs.reason || "release";
      const d = world.createDeployment({
        sha: target.sha,
        ref: target.sha,
        environment: "production",
        payload: {
          namespace: "production",
          images,
          reason,
          // Same fields as templates/github/workflows/deploy-production.yml writes.
          accepted_sha: world.releaseCommit(target.sha)?.sha ?? target.sha,
          // A push run has no inputs; the workflow names it after its run id.
          correlation_id: run.inputs.correlation_id || `push-${run.id}`,
          triggered_by: run.actor,
          run_id: run.id,
        },
        description: `Deploy ${target.sha.slice(0, 7)} (${reason})`,
        creator: BOT,
        at,
        runId: run.id,
      });
      world.addDeploymentStatus(d, {
        state: "in_progress",
        creator: BOT,
        at,
        logUrl: runLog(world, run),
        description: "Rolling out",
      });
    },
    "smoke:completed": (world, run, at, conclusion) => {
      const d = runDeployments(world, run).find((x) => x.payload.reason !== "auto-rollback");
      if (!d || (conclusion !== "success" && conclusion !== "failure")) return;
      world.addDeploymentStatus(d, {
        state: conclusion,
        creator: BOT,
        at,
        logUrl: runLog(world, run),
        environmentUrl: "https://shop.acme.example",
        description: conclusion === "success" ? "Smoke tests passed" : "Smoke tests failed",
      });
    },
    "rollback-on-failure:in_progress": (world, run, at) => {
      const failed = runDeployments(world, run).find((x) => world.deployments.latestState(x) === "failure");
      const previous = failed ? previousProduction(world, failed) : undefined;
      if (!failed || !previous) return;
      const d = world.createDeployment({
        sha: previous.sha,
        ref: previous.sha,
        environment: "production",
        payload: {
          ...previous.payload,
          reason: "auto-rollback",
          correlation_id: run.inputs.correlation_id || `push-${run.id}`,
          triggered_by: run.actor,
          run_id: run.id,
        },
        description: `Redeploy ${previous.sha.slice(0, 7)} after failed deploy of ${failed.sha.slice(0, 7)}`,
        creator: BOT,
        at,
        runId: run.id,
      });
      world.addDeploymentStatus(d, {
        state: "in_progress",
        creator: BOT,
        at,
        logUrl: runLog(world, run),
        description: "Redeploying previous version",
      });
    },
    "rollback-on-failure:completed": (world, run, at, conclusion) => {
      const d = runDeployments(world, run).find((x) => x.payload.reason === "auto-rollback");
      if (!d || conclusion !== "success") return;
      world.addDeploymentStatus(d, {
        state: "success",
        creator: BOT,
        at,
        logUrl: runLog(world, run),
        environmentUrl: "https://shop.acme.example",
        description: "Previous version restored",
      });
    },
  },
};

/** Deployments created by a run, newest last (they sit at the end of the list when the run is live). */
function runDeployments(world: World, run: Run): Deployment[] {
  const out: Deployment[] = [];
  const all = world.deployments.all;
  for (let i = all.length - 1; i >= 0 && i >= all.length - 200; i--) {
    const d = all[i] as Deployment;
    if (d.runId === run.id) out.unshift(d);
  }
  return out;
}

function previousProduction(world: World, failed: Deployment): Deployment | undefined {
  const all = world.deployments.all;
  for (let i = all.length - 1; i >= 0; i--) {
    const d = all[i] as Deployment;
    if (d.environment === "production" && d.id < failed.id && d.statuses.some((s) => s.state === "success"))
      return d;
  }
  return undefined;
}
