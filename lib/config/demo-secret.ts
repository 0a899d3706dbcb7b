import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Demo mode needs no NEXTAUTH_SECRET: one is generated per data folder and kept there, so sessions
 * survive a restart of the demo but two data folders never share a key.
 */
export function demoSecret(dataDir: string): string {
  const file = join(dataDir, "nextauth-secret");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not created yet.
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
