import { findIdentity, SERVER_BOT } from "../identities";
import { organization } from "../github/users";
import { commitShape } from "../github/shapes/commit";
import { deploymentShape, deploymentStatusShape } from "../github/shapes/deployment";
import { gitPerson } from "../github/shapes/git-user";
import { jobShape } from "../github/shapes/job";
import { pullShape } from "../github/shapes/pull";
import { fullRepository } from "../github/shapes/repository";
import { runShape } from "../github/shapes/run";
import { iso } from "../github/shapes/time";
import { simpleUser } from "../github/shapes/user";
import { workflowShape } from "../github/shapes/workflow";
import type { Urls } from "../urls";
import { deploymentRun } from "./deployment-run";
import { reviewPayload } from "./review-payload";
import type { WorldEvent } from "../world/events";
import { workflowByKey } from "../world/workflow-defs";
import type { World } from "../world/world";

export interface Delivery {
  event: string;
  action: string | null;
  payload: Record<string, unknown>;
}

/** Turns a world event into the payload GitHub would send, as of the event's time. */
export function toDelivery(urls: Urls, world: World, e: WorldEvent): Delivery {
  const user = (login: string) => simpleUser(urls, findIdentity(login) ?? SERVER_BOT);
  const { permissions: _p, ...repository } = fullRepository(urls, world, SERVER_BOT);
  const common = { repository, organization: organization(urls, world.owner) };
  switch (e.type) {
    case "workflow_run":
      return {
        event: "workflow_run",
        action: e.action,
        payload: {
          action: e.action,
          workflow_run: runShape(urls, world, e.run, e.at, e.attempt),
          workflow: workflowShape(urls, world, workflowByKey(e.run.workflow)),
          ...common,
          sender: user(e.attempt.actor),
        },
      };
    case "workflow_job": {
      const job = world.runs.plan(e.run, e.attempt).jobs[e.jobIndex];
      return {
        event: "workflow_job",
        action: e.action,
        payload: {
          action: e.action,
          workflow_job: job ? jobShape(urls, world, e.run, e.attempt, job, e.at) : null,
          ...common,
          sender: user(e.attempt.actor),
        },
      };
    }
    case "deployment":
    case "deployment_status": {
      const run = e.deployment.runId ? world.runs.get(e.deployment.runId) : undefined;
      const base = {
        action: e.action,
        deployment: deploymentShape(urls, world, e.deployment),
        workflow: run ? workflowShape(urls, world, workflowByKey(run.workflow)) : null,
        workflow_run: run ? deploymentRun(runShape(urls, world, run, e.at)) : null,
      };
      if (e.type === "deployment") {
        return {
          event: "deployment",
          action: e.action,
          payload: { ...base, ...common, sender: user(e.deployment.creator) },
        };
      }
      return {
        event: "deployment_status",
        action: e.action,
        payload: {
          ...base,
          deployment_status: deploymentStatusShape(urls, world, e.deployment, e.status),
          ...common,
          sender: user(e.status.creator),
        },
      };
    }
    case "pull_request": {
      const pull = pullShape(
        urls,
        world,
        e.pull,
        SERVER_BOT,
        e.pull.state === "open" ? !e.pull.conflict : null,
      );
      const extra = e.action === "synchronize" ? { before: e.before ?? "", after: e.pull.headSha } : {};
      return {
        event: "pull_request",
        action: e.action,
        payload: {
          action: e.action,
          number: e.pull.number,
          ...extra,
          pull_request: pull,
          ...common,
          sender: user(e.actor),
        },
      };
    }
    case "deployment_review":
      return { event: "deployment_review", action: e.action, payload: reviewPayload(urls, world, e, common) };
    case "push": {
      const full = `${world.owner}/${world.name}`;
      const commits = e.commits.map((c) => {
        const shape = commitShape(urls, world, c, false);
        const files = (status: string) => c.files.filter((f) => f.status === status).map((f) => f.filename);
        return {
          id: c.sha,
          tree_id: c.treeSha,
          distinct: true,
          message: c.message,
          timestamp: iso(c.at),
          url: shape.html_url,
          author: { ...gitPerson(c.author, iso(c.at)), username: c.author },
          committer: { ...gitPerson(c.committer, iso(c.at)), username: c.committer },
          added: files("added"),
          removed: files("removed"),
          modified: files("modified"),
        };
      });
      const owner = repository.owner;
      // The push event keeps GitHub's legacy repository shape: epoch timestamps, the organisation
      // as a login, and an owner carrying name and email.
      const {
        subscribers_count: _sc,
        network_count: _nc,
        use_squash_pr_title_as_default: _u,
        squash_merge_commit_title: _st,
        squash_merge_commit_message: _sm,
        merge_commit_title: _mt,
        merge_commit_message: _mm,
        ...legacy
      } = repository;
      const pushRepository = {
        ...legacy,
        owner: { ...owner, name: owner.login, email: null },
        organization: world.owner,
        created_at: Math.floor(Date.parse(repository.created_at) / 1000),
        pushed_at: Math.floor(Date.parse(repository.pushed_at) / 1000),
        stargazers: repository.stargazers_count,
        master_branch: repository.default_branch,
      };
      const pusher = gitPerson(e.pusher, iso(e.at));
      return {
        event: "push",
        action: null,
        payload: {
          ref: e.ref,
          before: e.before,
          after: e.after,
          created: /^0+$/.test(e.before),
          deleted: false,
          forced: false,
          base_ref: null,
          compare: `${urls.web}/${full}/compare/${e.before.slice(0, 12)}...${e.after.slice(0, 12)}`,
          commits,
          head_commit: commits[commits.length - 1] ?? null,
          repository: pushRepository,
          organization: common.organization,
          pusher: { name: e.pusher, email: pusher.email },
          sender: user(e.pusher),
        },
      };
    }
  }
}
