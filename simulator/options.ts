export type ApprovalMode = "auto" | "required";

/** Everything that shapes one simulator instance; `main.ts` fills it from the environment. */
export interface SimulatorOptions {
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Azure Logs HTTPS port; `null` disables the TLS server. */
  tlsPort?: number | null;
  /** Public base URL used in links and `html_url`s; defaults to `http://<host>:<port>`. */
  publicUrl?: string;
  seed?: number;
  speed?: number;
  scale?: number;
  /** World clock origin; defaults to the real time at start. */
  start?: Date;
  repo?: string;
  oauthClientId?: string;
  oauthClientSecret?: string;
  serverToken?: string;
  rateLimit?: number;
  /**
   * Lifetime of web-flow user tokens in seconds, like a GitHub App with expiring user tokens (GitHub:
   * 28 800): the token answer carries `expires_in` and a single-use `refresh_token`. 0 = never expire.
   */
  userTokenTtlSeconds?: number;
  webhookUrl?: string | null;
  webhookSecret?: string | null;
  certDir?: string;
  /** How often the world advances on its own (ms); 0 disables the timer (tests step with /_sim/advance). */
  tickMs?: number;
  /** `required`: production deploy runs wait for a reviewer through pending_deployments. */
  productionApproval?: ApprovalMode;
  /** Log each request to stderr. */
  verbose?: boolean;
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, "publicUrl" | "start">> & {
  publicUrl: string | null;
  start: Date | null;
};

export function resolveOptions(o: SimulatorOptions): ResolvedOptions {
  return {
    host: o.host ?? "127.0.0.1",
    port: o.port ?? 4010,
    tlsPort: o.tlsPort === undefined ? 4011 : o.tlsPort,
    publicUrl: o.publicUrl ?? null,
    seed: o.seed ?? 42,
    speed: o.speed ?? 1,
    scale: o.scale ?? 1,
    start: o.start ?? null,
    repo: o.repo ?? "acme/shop",
    oauthClientId: o.oauthClientId ?? "sim-client-id",
    oauthClientSecret: o.oauthClientSecret ?? "sim-client-secret",
    serverToken: o.serverToken ?? "sim-server-token",
    rateLimit: o.rateLimit ?? 5000,
    userTokenTtlSeconds: o.userTokenTtlSeconds ?? 0,
    webhookUrl: o.webhookUrl ?? null,
    webhookSecret: o.webhookSecret ?? null,
    certDir: o.certDir ?? ".sim",
    tickMs: o.tickMs ?? 1000,
    productionApproval: o.productionApproval ?? "auto",
    verbose: o.verbose ?? false,
  };
}
