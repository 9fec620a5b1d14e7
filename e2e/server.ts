import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import { createPrismaClient } from "../lib/server/prisma-client";
import { ensureAdmin, seedDemoDirectory } from "../prisma/seed-demo";
import { startSandbox } from "../lib/dingtalk/sandbox/server";
import { E2E_ADMIN, E2E_SANDBOX_PORT, e2eEnv } from "./env";

// Playwright's webServer: a fresh database (migrations + demo seed), then
// the console's own server (lib/server/cli/serve.ts) on the e2e build. Nothing touches the developer's data/.
async function main() {
  const env = e2eEnv();
  fs.rmSync(env.DATA_DIR!, { recursive: true, force: true });
  fs.mkdirSync(env.DATA_DIR!, { recursive: true });
  execFileSync("npx", ["tsx", "lib/server/cli/db-migrate.ts"], { env, stdio: "inherit" });
  const db = createPrismaClient(env.DATABASE_URL);
  await ensureAdmin(db, {
    adminEmail: E2E_ADMIN.email,
    adminPassword: E2E_ADMIN.password,
    adminName: "E2E Administrator",
  });
  await seedDemoDirectory(db);
  await db.$disconnect();
  // The DingTalk the console talks to in these tests: fresh state every run.
  const sandbox = await startSandbox({
    port: E2E_SANDBOX_PORT,
    host: "127.0.0.1",
    dataFile: `${env.DATA_DIR}/sandbox.json`,
    quiet: true,
  });
  const server = spawn(process.execPath, ["--import", "tsx", "lib/server/cli/serve.ts"], { env, stdio: "inherit" });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => void sandbox.close().finally(() => process.exit(code ?? 0)));
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
