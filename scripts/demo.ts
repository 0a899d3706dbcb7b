/**
 * `npm run demo`: the simulator plus the app wired to it, on the embedded database. One command,
 * nothing to configure; any variable you set yourself (PORT, SIM_*, the app's own) wins.
 */
import { ensureBuild, startStack } from "./stack";

const port = Number(process.env.PORT ?? 3000);
const simPort = Number(process.env.SIM_PORT ?? 4010);
const simTlsPort = Number(process.env.SIM_TLS_PORT ?? 4011);

ensureBuild();
const stack = await startStack({
  port,
  simPort,
  simTlsPort,
  dataDir: process.env.DATA_DIR ?? ".data",
  host: "localhost",
});

console.log(`
  Release Desk is running on the simulator.

  Open ${stack.appUrl} and sign in as one of the demo users:
    quinn-qa (QA) · lee-lead (lead) · ada-admin (admin) · dana-dev, vic-viewer (viewers)
    olly-outsider shows what a person who is not allowed sees.

  Simulator control: ${stack.simUrl}/_sim/state     Press Ctrl+C to stop.
`);

let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  void stack.stop().then(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
