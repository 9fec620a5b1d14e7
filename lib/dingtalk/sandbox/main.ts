// CLI: tsx lib/dingtalk/sandbox/main.ts [--port N] [--data FILE]; honours SANDBOX_PORT and SANDBOX_DATA_FILE.
import { parseArgs } from "node:util";
import { SEED_APP, SEED_CORP_ID, SEED_READONLY_APP } from "./seed";
import { DEFAULT_SANDBOX_DATA_FILE, DEFAULT_SANDBOX_PORT, startSandbox } from "./server";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: "string" }, host: { type: "string" }, data: { type: "string" } },
  });
  const port = Number(values.port ?? process.env.SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid port ${values.port ?? process.env.SANDBOX_PORT}`);
  const sandbox = await startSandbox({
    port,
    host: values.host ?? process.env.SANDBOX_HOST ?? "127.0.0.1",
    dataFile: values.data ?? process.env.SANDBOX_DATA_FILE ?? DEFAULT_SANDBOX_DATA_FILE,
  });
  // These are the sandbox's own well-known test credentials, not secrets.
  console.log(
    [
      `DingTalk sandbox ready at ${sandbox.url}  (admin page: ${sandbox.url}/_sandbox)`,
      `  CorpId    ${SEED_CORP_ID}`,
      `  AppKey    ${SEED_APP.appKey}    AppSecret ${SEED_APP.appSecret}    (all scopes)`,
      `  AppKey    ${SEED_READONLY_APP.appKey}   AppSecret ${SEED_READONLY_APP.appSecret}   (read scopes only)`,
      `  Base URLs: classic ${sandbox.url}, v1 ${sandbox.url}, login ${sandbox.url}; set DINGTALK_ALLOW_LOCAL_ENDPOINTS=true`,
    ].join("\n"),
  );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`[dingtalk-sandbox] ${signal}: shutting down`);
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(`[dingtalk-sandbox] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
