import { verify } from "@octokit/webhooks-methods";

// Only the SHA-256 header counts: GitHub still sends the legacy `X-Hub-Signature` (SHA-1) alongside,
// and accepting it alone would let a weaker MAC through.
const SHA256_SIGNATURE = /^sha256=[0-9a-f]{64}$/;

/**
 * Whether `signature` (the `X-Hub-Signature-256` header) is GitHub's HMAC of `body` under one of
 * `secrets` (two during a rotation). The comparison is constant-time (`@octokit/webhooks-methods`).
 */
export async function verifySignature(
  secrets: readonly string[],
  body: string,
  signature: string | null,
): Promise<boolean> {
  if (!signature || !SHA256_SIGNATURE.test(signature) || body.length === 0) return false;
  for (const secret of secrets) {
    if (secret && (await verify(secret, body, signature))) return true;
  }
  return false;
}
