import { parseDocument } from "yaml";

/** A workflow file read into plain data, with `on:` normalised to one entry per event. */
export interface ParsedWorkflow {
  /** The top-level mapping, as plain JavaScript values. */
  root: Record<string, unknown>;
  /** Event name → its configuration (`null` when written as a bare name: `on: push`). */
  triggers: Map<string, unknown>;
  /** False when `on:` is missing or is neither a string, a list nor a mapping. */
  triggersReadable: boolean;
}

export type ParseWorkflowResult =
  { ok: true; workflow: ParsedWorkflow } | { ok: false; stage: "yaml" | "shape"; message: string };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parseWorkflow(yamlText: string): ParseWorkflowResult {
  // uniqueKeys: GitHub refuses a workflow with a repeated key, so the checker does too.
  // maxAliasCount (below) bounds alias expansion: the file comes from someone else's repository.
  const doc = parseDocument(yamlText, { uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    // The library's message is "<what> at line N, column M:" followed by a code excerpt.
    const headline = (firstError.message.split("\n")[0] ?? firstError.message).replace(/:$/, "");
    return { ok: false, stage: "yaml", message: headline };
  }
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    return { ok: false, stage: "yaml", message: error instanceof Error ? error.message : String(error) };
  }
  if (!isRecord(root)) {
    return { ok: false, stage: "shape", message: "the file is not a mapping of workflow keys" };
  }
  const { triggers, readable } = readTriggers(triggerSection(root));
  return { ok: true, workflow: { root, triggers, triggersReadable: readable } };
}

/**
 * YAML 1.1 reads a bare `on` key as the boolean true; GitHub reads it as "on". The `yaml` package
 * follows YAML 1.2 (a string), but a file that declares `%YAML 1.1` comes back with the key "true".
 */
function triggerSection(root: Record<string, unknown>): unknown {
  if ("on" in root) return root.on;
  if ("true" in root) return root.true;
  return undefined;
}

function readTriggers(section: unknown): { triggers: Map<string, unknown>; readable: boolean } {
  const triggers = new Map<string, unknown>();
  if (typeof section === "string") {
    triggers.set(section, null);
    return { triggers, readable: true };
  }
  if (Array.isArray(section)) {
    for (const event of section) {
      if (typeof event === "string") triggers.set(event, null);
    }
    return { triggers, readable: true };
  }
  if (isRecord(section)) {
    for (const [event, config] of Object.entries(section)) triggers.set(event, config ?? null);
    return { triggers, readable: true };
  }
  return { triggers, readable: false };
}
