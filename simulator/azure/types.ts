export interface TelemetryDeployment {
  environment: "staging" | "production";
  sha: string;
  namespace: string;
  startedAt: Date;
  endedAt: Date | null;
  degraded: boolean;
}
export interface TelemetrySource {
  now(): Date;
  deployments(): TelemetryDeployment[];
}
