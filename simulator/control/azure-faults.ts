import type { AzureFault } from "../azure/handler";

export interface AzureFaultSpec {
  environment: "staging" | "production" | null;
  queryName: string | null;
  kind: AzureFault;
  remaining: number;
}

const KINDS: AzureFault[] = ["partial", "throttled", "unavailable"];

/** Faults for the Azure Logs fake, set through `/_sim/azure/faults`. */
export class AzureFaultTable {
  private faults: AzureFaultSpec[] = [];

  add(v: unknown): AzureFaultSpec | string {
    const o = (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;
    if (!KINDS.includes(o.kind as AzureFault)) return `kind must be one of ${KINDS.join(", ")}`;
    if (o.environment !== undefined && o.environment !== "staging" && o.environment !== "production") {
      return "environment must be staging or production";
    }
    const spec: AzureFaultSpec = {
      environment: (o.environment as AzureFaultSpec["environment"] | undefined) ?? null,
      queryName: typeof o.queryName === "string" ? o.queryName : null,
      kind: o.kind as AzureFault,
      remaining: typeof o.count === "number" && o.count > 0 ? o.count : 1,
    };
    this.faults.push(spec);
    return spec;
  }

  take(environment: string, queryName: string): AzureFault | null {
    const f = this.faults.find(
      (x) => (!x.environment || x.environment === environment) && (!x.queryName || x.queryName === queryName),
    );
    if (!f) return null;
    if (--f.remaining <= 0) this.faults = this.faults.filter((x) => x !== f);
    return f.kind;
  }

  list(): AzureFaultSpec[] {
    return [...this.faults];
  }

  clear(): void {
    this.faults = [];
  }
}
