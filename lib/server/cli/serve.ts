import http from "node:http";
import next from "next";
import { pinForwardedFor } from "../client-ip";

// `npm start` and the e2e server serve the production build through this small Node server
// instead of `next start`: without TRUST_PROXY, X-Forwarded-For becomes the socket's address,
// so a client cannot choose the address its sign-ins are rate limited by (`next start` keeps a
// header the client sent). Behind TRUST_PROXY proxies the header stays as they wrote it.
async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    pinForwardedFor(req.headers, req.socket.remoteAddress);
    void handle(req, res);
  });
  server.listen(port, () => console.info(`Serving the console on port ${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
