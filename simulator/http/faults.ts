export type FaultKind = "status" | "rate-limit" | "secondary-rate-limit" | "hang" | "drop";

export interface FaultSpec {
  method?: string;
  /** A glob (`*` within a segment, `**` across segments) or, when it starts with `^`, a regex. */
  path: string;
  kind: FaultKind;
  status?: number;
  /** How many matching requests it affects. */
  count?: number;
  /** hang: how long (real seconds; absent = until the client gives up); rate limits: retry/reset delay. */
  seconds?: number;
}

export interface Fault extends Required<Pick<FaultSpec, "path" | "kind">> {
  id: number;
  method: string | null;
  status: number | null;
  remaining: number;
  seconds: number | null;
  pattern: RegExp;
}

const KINDS: FaultKind[] = ["status", "rate-limit", "secondary-rate-limit", "hang", "drop"];

export function parseFaultSpec(v: unknown): FaultSpec | string {
  if (typeof v !== "object" || v === null) return "body must be an object";
  const o = v as Record<string, unknown>;
  if (typeof o.path !== "string" || !o.path) return "path is required";
  if (typeof o.kind !== "string" || !KINDS.includes(o.kind as FaultKind))
    return `kind must be one of ${KINDS.join(", ")}`;
  if (o.kind === "status" && typeof o.status !== "number") return "status is required for kind status";
  if (o.method !== undefined && typeof o.method !== "string") return "method must be a string";
  if (o.count !== undefined && (typeof o.count !== "number" || o.count < 1)) return "count must be >= 1";
  if (o.seconds !== undefined && typeof o.seconds !== "number") return "seconds must be a number";
  try {
    toPattern(o.path);
  } catch {
    return "path is not a valid pattern";
  }
  return {
    path: o.path,
    kind: o.kind as FaultKind,
    method: o.method,
    status: o.status as number | undefined,
    count: o.count,
    seconds: o.seconds,
  };
}

export class FaultTable {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault: Fault = {
      id: this.nextId++,
      method: spec.method?.toUpperCase() ?? null,
      path: spec.path,
      kind: spec.kind,
      status: spec.status ?? null,
      remaining: spec.count ?? 1,
      seconds: spec.seconds ?? null,
      pattern: toPattern(spec.path),
    };
    this.faults.push(fault);
    return fault;
  }

  /** Consumes one use of the first fault matching the request. */
  take(method: string, path: string): Fault | null {
    const f = this.faults.find((x) => (!x.method || x.method === method) && x.pattern.test(path));
    if (!f) return null;
    f.remaining--;
    if (f.remaining <= 0) this.faults = this.faults.filter((x) => x !== f);
    return f;
  }

  list(): Fault[] {
    return [...this.faults];
  }

  clear(): void {
    this.faults = [];
  }
}

function toPattern(path: string): RegExp {
  if (path.startsWith("^")) return new RegExp(path);
  const re = path
    .split("**")
    .map((part) =>
      part
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^/]*"),
    )
    .join(".*");
  return new RegExp(`^${re}$`);
}
