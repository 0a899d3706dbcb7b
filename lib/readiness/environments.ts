import type { Environment } from "@/lib/github/get-environment";
import type { EnvironmentsPage } from "@/lib/github/list-environments";
import { failed, notKnown, passed, type ReadinessCheck, type ReadOutcome } from "./check";
import { describeReadFailure } from "./describe-read-failure";

export type PipelineEnvironment = "staging" | "production";

export const ENVIRONMENT_VARIABLES: Readonly<Record<PipelineEnvironment, string>> = {
  staging: "ENVIRONMENT_STAGING",
  production: "ENVIRONMENT_PRODUCTION",
};

export interface EnvironmentReadinessInput {
  key: PipelineEnvironment;
  /** The configured GitHub environment name. */
  name: string;
  /** `null`: the repository has no environment of that name. */
  read: ReadOutcome<Environment | null>;
  /** All environments, read only when this one is missing, to name the ones that do exist. */
  others?: ReadOutcome<EnvironmentsPage>;
}

/** One protection setting in words, e.g. `{ label: "Wait timer", value: "none" }`. */
export interface ProtectionFact {
  label: string;
  value: string;
}

export interface EnvironmentReadiness {
  key: PipelineEnvironment;
  name: string;
  htmlUrl: string | null;
  /** Null when the environment could not be read or does not exist. */
  protection: ProtectionFact[] | null;
  checks: ReadinessCheck[];
}

type Rule = NonNullable<Environment["protection_rules"]>[number];

/**
 * Existence is required: Release Desk finds each stage's deployments by environment name. For
 * production, required reviewers are advisory: Release Desk's own gate (QA acceptance) covers releases
 * made through it, while GitHub's reviewers also stop a deploy started outside it (a direct push to the
 * production branch, or a dispatch by anyone with write access). Without them the pipeline still works.
 */
export function environmentReadiness(input: EnvironmentReadinessInput): EnvironmentReadiness {
  const head = { id: `environment.${input.key}.exists`, title: `Environment \`${input.name}\` exists` };
  const base = { key: input.key, name: input.name };
  if (!input.read.ok) {
    return {
      ...base,
      htmlUrl: null,
      protection: null,
      checks: [
        notKnown(
          head,
          `could not read environment ${input.name}: ${describeReadFailure(input.read.error)}`,
          "Check that the server's token may read the repository's environments (Actions: read / Environments: read).",
        ),
      ],
    };
  }
  const environment = input.read.value;
  if (!environment) {
    return {
      ...base,
      htmlUrl: null,
      protection: null,
      checks: [
        failed(
          head,
          `the repository has no environment \`${input.name}\`${existingNames(input.others)}. Release Desk finds the ${input.key} deployments by this name.`,
          `Create it under Settings → Environments → New environment, named \`${input.name}\` (a first deploy also creates it, but without protection rules), or set ${ENVIRONMENT_VARIABLES[input.key]} to the name the workflows use.`,
        ),
      ],
    };
  }
  const rules = environment.protection_rules ?? [];
  const reviewers = reviewerNames(rules);
  const checks = [passed(head, `exists (created ${environment.created_at.slice(0, 10)})`)];
  if (input.key === "production") checks.push(productionReviewCheck(input.name, reviewers));
  return {
    ...base,
    htmlUrl: environment.html_url,
    protection: protectionFacts(environment, rules, reviewers),
    checks,
  };
}

function productionReviewCheck(name: string, reviewers: string[] | null): ReadinessCheck {
  const head = {
    id: "environment.production.reviewers",
    title: "Production deploys wait for a reviewer",
    level: "advisory" as const,
  };
  if (reviewers && reviewers.length > 0) {
    return passed(head, `required reviewers: ${reviewers.join(", ")}`);
  }
  return failed(
    head,
    "no required reviewers: a push to the production branch, or a dispatch by anyone with write access, deploys to production without a second person. Releases made through Release Desk are still accepted by QA first.",
    `Under Settings → Environments → ${name}, tick “Required reviewers” and add the people who may approve a production deploy (e.g. the leads).`,
  );
}

/** Logins and `org/team` slugs; null when there is no required-reviewers rule at all. */
function reviewerNames(rules: readonly Rule[]): string[] | null {
  const rule = rules.find((r) => r.type === "required_reviewers");
  if (!rule) return null;
  const reviewers = "reviewers" in rule ? (rule.reviewers ?? []) : [];
  return reviewers.flatMap(({ reviewer }) => {
    if (!reviewer) return [];
    return "login" in reviewer ? [reviewer.login] : [`team ${reviewer.slug}`];
  });
}

function protectionFacts(
  environment: Environment,
  rules: readonly Rule[],
  reviewers: string[] | null,
): ProtectionFact[] {
  const reviewRule = rules.find((r) => r.type === "required_reviewers");
  const selfReview =
    reviewRule && "prevent_self_review" in reviewRule ? reviewRule.prevent_self_review : false;
  const timer = rules.find((r) => r.type === "wait_timer");
  const minutes = timer && "wait_timer" in timer ? (timer.wait_timer ?? 0) : 0;
  const policy = environment.deployment_branch_policy;
  const facts: ProtectionFact[] = [
    { label: "Required reviewers", value: reviewers && reviewers.length > 0 ? reviewers.join(", ") : "none" },
  ];
  if (reviewers && reviewers.length > 0) {
    facts.push({
      label: "Self-review",
      value: selfReview
        ? "prevented (whoever started a deploy cannot approve it)"
        : "allowed (whoever started a deploy may approve it)",
    });
  }
  facts.push({
    label: "Wait timer",
    value: minutes > 0 ? `${minutes} minute${minutes === 1 ? "" : "s"} before each deploy starts` : "none",
  });
  facts.push({
    label: "Deployment branches",
    value: !policy
      ? "any branch"
      : policy.protected_branches
        ? "protected branches only"
        : policy.custom_branch_policies
          ? "selected branches and tags only"
          : "any branch",
  });
  const other = rules
    .map((r) => r.type)
    .filter((type) => !["required_reviewers", "wait_timer", "branch_policy"].includes(type));
  if (other.length > 0) facts.push({ label: "Other rules", value: other.join(", ") });
  return facts;
}

function existingNames(others: ReadOutcome<EnvironmentsPage> | undefined): string {
  if (!others?.ok) return "";
  const names = others.value.environments.map((e) => `\`${e.name}\``);
  return names.length === 0 ? " (it has no environments at all)" : ` (it has ${names.join(", ")})`;
}
