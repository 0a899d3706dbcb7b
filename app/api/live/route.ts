import { withPermission } from "@/lib/auth/guard";
import { getConfig } from "@/lib/config/config";
import { liveEventStream } from "@/lib/live/event-stream";

// A stream per viewer, never cached or prerendered.
export const dynamic = "force-dynamic";

export const GET = withPermission("runs.read", async (request: Request) => {
  // Without webhooks nothing would ever arrive on the stream: 204 tells EventSource to stop trying,
  // and the page falls back to refreshing on an interval.
  if (getConfig().github.webhookSecrets.length === 0) return new Response(null, { status: 204 });
  return new Response(liveEventStream({ signal: request.signal }), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      // Reverse proxies (nginx) buffer responses unless told not to, which would delay every event.
      "x-accel-buffering": "no",
    },
  });
});
