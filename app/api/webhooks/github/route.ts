import { publicRoute } from "@/lib/auth/guard";
import { getConfig } from "@/lib/config/config";
import { getPrisma } from "@/lib/db/client";
import { kickOperations } from "@/lib/operations/operations-worker";
import { wakeOperations } from "@/lib/operations/wake-operations";
import { serverGitHub } from "@/lib/server/github";
import { afterResponse } from "@/lib/webhooks/after-response";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";

export const POST = publicRoute("GitHub webhooks, authenticated by signature", async (request: Request) => {
  const config = getConfig();
  return receiveWebhook(request, {
    secrets: config.github.webhookSecrets,
    maxBytes: config.github.webhookMaxBytes,
    prisma: getPrisma,
    // The server client's cache is the process-wide one every page reads through.
    cache: serverGitHub().cache,
    afterResponse,
    wakeOperations: async (hints) => {
      if ((await wakeOperations(await getPrisma(), hints)) > 0) kickOperations();
    },
  });
});
