// A faithful local DingTalk: oapi paths at the root, /v1.0 for the v1 API, /oauth2/auth for
// login, and /_sandbox for tests and people.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { handleAdmin } from "./admin";
import { handleClassic } from "./classic";
import { SandboxContext } from "./context";
import { handleOauth } from "./oauth";
import { handleRobot, ROBOT_SEND_PATH } from "./robot";
import { SandboxStore } from "./store";

export type SandboxOptions = { port?: number; host?: string; dataFile?: string; quiet?: boolean };
export type RunningSandbox = { url: string; port: number; close(): Promise<void> };

export const DEFAULT_SANDBOX_PORT = 3100;
export const DEFAULT_SANDBOX_DATA_FILE = "data/sandbox.json";

async function route(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sandbox.local");
  if (url.pathname === "/_sandbox" || url.pathname.startsWith("/_sandbox/")) return handleAdmin(ctx, req, res, url);
  if (url.pathname === ROBOT_SEND_PATH) return handleRobot(ctx, req, res, url);
  if (await handleOauth(ctx, req, res, url)) return;
  return handleClassic(ctx, req, res, url);
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  const dataFile = resolve(options.dataFile ?? DEFAULT_SANDBOX_DATA_FILE);
  const { store, seeded } = await SandboxStore.open(dataFile);
  const ctx = new SandboxContext(store);
  const log = (line: string) => {
    if (!options.quiet) console.log(`[dingtalk-sandbox] ${line}`);
  };

  const server = createServer((req, res) => {
    route(ctx, req, res).catch((err: unknown) => {
      log(
        `internal error on ${req.method} ${req.url?.split("?")[0]}: ${err instanceof Error ? err.message : String(err)}`,
      );
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ errcode: -1, errmsg: "sandbox internal error" }));
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_SANDBOX_PORT, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  log(`listening on ${url} (data ${dataFile}${seeded ? ", freshly seeded" : ""})`);

  return {
    url,
    port,
    async close() {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections(); // also ends stalled responses
      });
      await store.flush();
    },
  };
}
