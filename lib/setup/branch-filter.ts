import { isRecord } from "@/lib/setup/parse-workflow";

export interface BranchFilterVerdict {
  runs: boolean;
  /** Why, in words a person can act on. */
  reason: string;
}

/**
 * Whether a push to `branch` starts a workflow whose `push` trigger has configuration `config`,
 * following GitHub's filter rules: `branches` patterns are read in order and a later `!pattern`
 * excludes again; `branches-ignore` excludes; a trigger filtered to `tags` only never runs for a
 * branch push.
 */
export function pushRunsOnBranch(config: unknown, branch: string): BranchFilterVerdict {
  if (!isRecord(config)) return { runs: true, reason: "runs on a push to any branch" };
  const branches = patternList(config.branches);
  const ignored = patternList(config["branches-ignore"]);
  const hasTagFilter = config.tags !== undefined || config["tags-ignore"] !== undefined;

  if (branches) {
    let matched = false;
    for (const pattern of branches) {
      if (pattern.startsWith("!")) {
        if (globMatches(pattern.slice(1), branch)) matched = false;
      } else if (globMatches(pattern, branch)) {
        matched = true;
      }
    }
    return matched
      ? { runs: true, reason: `\`${branch}\` matches branches: [${branches.join(", ")}]` }
      : { runs: false, reason: `\`${branch}\` is not in branches: [${branches.join(", ")}]` };
  }
  if (ignored) {
    const excluded = ignored.some((pattern) => globMatches(pattern, branch));
    return excluded
      ? { runs: false, reason: `\`${branch}\` is excluded by branches-ignore: [${ignored.join(", ")}]` }
      : { runs: true, reason: `\`${branch}\` is not excluded by branches-ignore` };
  }
  if (hasTagFilter)
    return { runs: false, reason: "the push trigger only filters tags, so branch pushes never run" };
  return { runs: true, reason: "runs on a push to any branch" };
}

function patternList(value: unknown): string[] | undefined {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return undefined;
}

/** GitHub's filter glob: `*` within one path segment, `**` across `/`, `?` and `+` as in regexes. */
export function globMatches(pattern: string, name: string): boolean {
  let source = "";
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern.charAt(index);
    if (char === "*") {
      if (pattern.charAt(index + 1) === "*") {
        source += ".*";
        index += 1;
      } else {
        source += "[^/]*";
      }
    } else if (char === "?" || char === "+") {
      source += char;
    } else if (char === "[" || char === "]") {
      source += char;
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
  }
  try {
    return new RegExp(`^${source}$`).test(name);
  } catch {
    return pattern === name;
  }
}
