import http from "node:http";
import next from "next";
import { pinForwardedFor } from "../client-ip";
import { createPrismaClient } from "../prisma-client";
import { exitGracefully, runShutdownHooks, startHeartbeat } from "../processes";

// `npm start` and the e2e server serve the production build through this small Node server
// instead of `next start`: without TRUST_PROXY, X-Forwarded-For becomes the socket's address,
// so a client cannot choose the address its sign-ins are rate limited by (`next start` keeps a
// header the client sent). Behind TRUST_PROXY proxies the header stays as they wrote it.
//
// SIGTERM (a load balancer draining this process): stop accepting connections, let the requests
// in flight finish (SHUTDOWN_DRAIN_MS, 10 s by default, then the rest are cut), stop the in-process
// worker when there is one (instrumentation.ts: it hands back its leases), remove this console's
// heartbeat, disconnect, exit 0.
async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const db = createPrismaClient();
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    pinForwardedFor(req.headers, req.socket.remoteAddress);
    void handle(req, res);
  });
  const stopHeartbeat = await startHeartbeat(db, "console");
  exitGracefully(async (signal) => {
    console.info(`${signal}: no new connections; finishing the requests in flight`);
    await drain(server, Number(process.env.SHUTDOWN_DRAIN_MS ?? 10_000));
    await runShutdownHooks();
    await stopHeartbeat();
    await db.$disconnect();
    console.info("The console stopped.");
  });
  server.listen(port, () => console.info(`Serving the console on port ${port}`));
}

/** Closes the server: no new connections; idle keep-alive ones closed as they come idle; the rest cut at the deadline. */
function drain(server: http.Server, deadlineMs: number): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => server.closeAllConnections(), deadlineMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
