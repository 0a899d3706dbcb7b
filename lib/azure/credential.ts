import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { DefaultAzureCredential, WorkloadIdentityCredential } from "@azure/identity";

/**
 * How Release Desk authenticates to Log Analytics. Values come from lib/config; anything left out
 * falls back to what @azure/identity itself reads (AZURE_CLIENT_ID, AZURE_TENANT_ID,
 * AZURE_FEDERATED_TOKEN_FILE), which this module never reads.
 */
export type AzureCredentialOptions =
  /** AKS workload identity: the federated service-account token exchanged for an Entra token. */
  | { kind: "workload"; tenantId?: string; clientId?: string; tokenFilePath?: string }
  /** Developer machines and other hosts: environment, managed identity, Azure CLI, … */
  | { kind: "default"; tenantId?: string; managedIdentityClientId?: string }
  /** The simulator only: a fixed bearer token it accepts. Never a real Azure token. */
  | { kind: "static"; token: string };

const STATIC_TOKEN_LIFETIME_MS = 60 * 60_000;

export function createAzureCredential(options: AzureCredentialOptions): TokenCredential {
  switch (options.kind) {
    case "workload": {
      const { tenantId, clientId, tokenFilePath } = options;
      return lazyCredential(() => new WorkloadIdentityCredential({ tenantId, clientId, tokenFilePath }));
    }
    case "default": {
      const { tenantId, managedIdentityClientId } = options;
      return lazyCredential(() => new DefaultAzureCredential({ tenantId, managedIdentityClientId }));
    }
    case "static":
      return staticTokenCredential(options.token);
  }
}

/**
 * WorkloadIdentityCredential throws from its constructor when its settings are missing; building it on
 * the first token request keeps a misconfigured identity from crashing the app at start-up and turns
 * it into a "health unknown" reason instead. A failed construction is retried on the next request.
 */
function lazyCredential(build: () => TokenCredential): TokenCredential {
  let credential: TokenCredential | undefined;
  return {
    getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      try {
        credential ??= build();
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return credential.getToken(scopes, options);
    },
  };
}

function staticTokenCredential(token: string): TokenCredential {
  if (token.trim() === "") throw new RangeError("The static Azure credential needs a non-empty token");
  return {
    getToken: () =>
      Promise.resolve({
        token,
        tokenType: "Bearer",
        expiresOnTimestamp: Date.now() + STATIC_TOKEN_LIFETIME_MS,
      }),
  };
}
