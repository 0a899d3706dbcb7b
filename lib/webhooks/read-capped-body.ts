export type CappedBody = { ok: true; text: string } | { ok: false; reason: "too-large" };

/**
 * Reads a request body as UTF-8 text, refusing it as soon as it is known to exceed `maxBytes`:
 * first from `Content-Length`, then by counting while streaming (the header can be absent or lie
 * under chunked encoding), so an oversized body is never held whole in memory.
 */
export async function readCappedBody(request: Request, maxBytes: number): Promise<CappedBody> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: "too-large" };
  if (!request.body) return { ok: true, text: "" };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too-large" };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks, total).toString("utf8") };
}
