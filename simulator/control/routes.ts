import { isRecord } from "../http/body";
import { parseFaultSpec, type Fault } from "../http/faults";
import { json } from "../http/respond";
import type { Router } from "../http/router";
import type { SimResponse } from "../http/types";
import type { Simulation } from "../server";
import { pushFromControl } from "./push";
import { worldState } from "./state";

/** `/_sim/*`: test and demo control, unauthenticated; the server only listens on loopback by default. */
export function registerControlRoutes(router: Router, sim: Simulation): void {
  const add = (method: string, path: string, h: Parameters<Router["add"]>[3]) =>
    router.add("control", method, path, h);

  add("POST", "/_sim/reset", () => {
    sim.reset();
    return json(200, { ok: true, now: sim.world.now().toISOString() });
  });
  add("GET", "/_sim/state", () => json(200, worldState(sim)));
  add("GET", "/_sim/calls", (req) => {
    const since = Number(req.query.get("since") ?? 0);
    return json(200, {
      lastSeq: sim.callLog.lastSeq(),
      calls: sim.callLog.since(Number.isFinite(since) ? since : 0),
    });
  });
  add("DELETE", "/_sim/calls", () => {
    sim.callLog.clear();
    return json(200, { ok: true, lastSeq: sim.callLog.lastSeq() });
  });
  add("GET", "/_sim/faults", () => json(200, sim.faults.list().map(describeFault)));
  add("POST", "/_sim/faults", (req) => {
    const spec = parseFaultSpec(req.body);
    if (typeof spec === "string") return bad(spec);
    return json(201, describeFault(sim.faults.add(spec)));
  });
  add("DELETE", "/_sim/faults", () => {
    sim.faults.clear();
    return json(200, { ok: true });
  });
  add("GET", "/_sim/azure/faults", () => json(200, sim.azureFaults.list()));
  add("POST", "/_sim/azure/faults", (req) => {
    const f = sim.azureFaults.add(req.body);
    return typeof f === "string" ? bad(f) : json(201, f);
  });
  add("DELETE", "/_sim/azure/faults", () => {
    sim.azureFaults.clear();
    return json(200, { ok: true });
  });
  add("POST", "/_sim/advance", (req) => {
    const seconds = isRecord(req.body) ? req.body.seconds : undefined;
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
      return bad("seconds must be a non-negative number");
    }
    sim.world.clock.advance(seconds);
    sim.world.tick();
    return json(200, { now: sim.world.now().toISOString() });
  });
  add("POST", "/_sim/push", (req) => pushFromControl(sim, req.body));
  add("POST", "/_sim/tokens/expire", (req) => {
    const b = isRecord(req.body) ? req.body : {};
    if (typeof b.login !== "string" || !b.login) return bad("login is required");
    if (b.refreshTokens !== undefined && typeof b.refreshTokens !== "boolean")
      return bad("refreshTokens must be a boolean");
    return json(200, sim.tokens.expire(b.login, { refreshTokens: b.refreshTokens === true }));
  });
  add("GET", "/_sim/webhooks", () =>
    json(200, { url: sim.webhooks.current()?.url ?? null, deliveries: sim.webhooks.records }),
  );
  add("POST", "/_sim/webhooks", (req) => {
    const b = isRecord(req.body) ? req.body : {};
    if (b.url === null) {
      sim.webhooks.configure(null);
      return json(200, { url: null });
    }
    if (typeof b.url !== "string" || !/^https?:\/\//.test(b.url))
      return bad("url must be an http(s) URL or null");
    if (typeof b.secret !== "string" || !b.secret) return bad("secret is required");
    sim.webhooks.configure({ url: b.url, secret: b.secret });
    return json(200, { url: b.url });
  });
}

function describeFault(f: Fault) {
  return {
    id: f.id,
    method: f.method,
    path: f.path,
    kind: f.kind,
    status: f.status,
    remaining: f.remaining,
    seconds: f.seconds,
  };
}

export function bad(message: string): SimResponse {
  return json(400, { error: message });
}
