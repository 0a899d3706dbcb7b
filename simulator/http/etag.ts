import { createHash } from "node:crypto";

/** Weak ETag over the token and the body, as GitHub's ETags differ per token for the same resource. */
export function computeEtag(token: string | null, body: string | Buffer): string {
  const h = createHash("sha256")
    .update(token ?? "")
    .update("\0")
    .update(body)
    .digest("hex");
  return `W/"${h.slice(0, 40)}"`;
}

/** Matches GitHub's If-None-Match handling: a list of tags, weak comparison, or `*`. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  const target = strip(etag);
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || strip(t) === target);
}
