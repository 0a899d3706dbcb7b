import { afterEach, describe, expect, it, vi } from "vitest";
import { createAzureCredential } from "./credential";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("createAzureCredential", () => {
  it("gives the simulator's fixed token as a bearer token", async () => {
    const token = await createAzureCredential({ kind: "static", token: "sim-server-token" }).getToken(
      "https://api.loganalytics.io/.default",
    );
    expect(token).toMatchObject({ token: "sim-server-token", tokenType: "Bearer" });
    expect(token!.expiresOnTimestamp).toBeGreaterThan(Date.now());
  });

  it("refuses an empty static token", () => {
    expect(() => createAzureCredential({ kind: "static", token: " " })).toThrow(/non-empty token/);
  });

  it("builds a workload identity credential without its settings, and fails only when a token is asked for", async () => {
    // WorkloadIdentityCredential falls back to these; make sure none leaks in from the machine.
    vi.stubEnv("AZURE_CLIENT_ID", "");
    vi.stubEnv("AZURE_TENANT_ID", "");
    vi.stubEnv("AZURE_FEDERATED_TOKEN_FILE", "");
    const credential = createAzureCredential({ kind: "workload" });
    await expect(credential.getToken("https://api.loganalytics.io/.default")).rejects.toMatchObject({
      name: "CredentialUnavailableError",
    });
  });

  it("builds a default credential lazily too", () => {
    expect(() =>
      createAzureCredential({ kind: "default", tenantId: "00000000-0000-0000-0000-000000000000" }),
    ).not.toThrow();
  });
});
