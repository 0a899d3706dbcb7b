import type { Config } from "@/lib/config/config";

/** Whether the signing-in person belongs to `org`, asked with their own token at sign-in. */
export async function isOrgMember(config: Config, token: string, org: string): Promise<boolean> {
  const response = await fetch(`${config.github.apiUrl}/user/orgs?per_page=100`, {
    headers: { Authorization: `Bearer ${token}`, Accept: "application/vnd.github+json" },
    signal: AbortSignal.timeout(config.github.timeoutMs),
  });
  if (!response.ok) return false;
  const orgs = (await response.json()) as { login: string }[];
  return orgs.some((o) => o.login.toLowerCase() === org.toLowerCase());
}
