import { spawn } from "node:child_process";
import fs from "node:fs";
import { startSandbox } from "../../dingtalk/sandbox/server";
import { ConfigError, dataDir, loadConfig } from "../config";
import { demoAdminCredentials } from "../demo-admin";
import { createPrismaClient } from "../prisma-client";
import { ensureAdmin, seedDemoDirectory } from "../../../prisma/seed-demo";
import { isBuildStale } from "./build-state";
import { runOrExit } from "./run";

// `npm start`: migrate, seed the demo (when empty), build if needed, then serve
// the console and, in demo mode, the DingTalk sandbox beside it.
async function main() {
  const root = process.cwd();
  fs.mkdirSync(dataDir(), { recursive: true });
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError)
      fail(`${error.message} Set it in the environment, or run in demo mode (DEMO_MODE=true).`);
    throw error;
  }
  await runOrExit("Applying database migrations", "npx", ["tsx", "lib/server/cli/db-migrate.ts"]);

  const db = createPrismaClient();
  try {
    const demo = demoAdminCredentials();
    if (config.isDemoMode && demo) {
      await ensureAdmin(db, { adminEmail: demo.email, adminPassword: process.env.ADMIN_PASSWORD ?? demo.password });
      const seeded = await seedDemoDirectory(db);
      if (seeded.seeded)
        console.info(`Seeded the demo directory: ${seeded.ous} organizations, ${seeded.accounts} accounts.`);
    } else if ((await db.admin.count()) === 0) {
      fail("No administrator exists. Create one first: npm run admin:create -- --email you@example.com");
    }
  } finally {
    await db.$disconnect();
  }

  if (isBuildStale(root))
    await runOrExit("Building the console (first start or changed sources)", "npx", ["next", "build"]);

  const port = process.env.PORT ?? "3000";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DEMO_MODE: String(config.isDemoMode),
    NEXTAUTH_SECRET: config.nextAuthSecret,
    ENCRYPTION_KEYS: config.encryptionKeys,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
  const sandbox = config.isDemoMode ? await startDemoSandbox(env) : null;
  const server = spawn(process.execPath, ["--import", "tsx", "lib/server/cli/serve.ts"], {
    stdio: "inherit",
    env: { ...env, PORT: port },
  });
  if (config.isDemoMode) {
    const demo = demoAdminCredentials();
    console.info(`\nConsole: http://localhost:${port}  (demo sign-in: ${demo?.email} / ${demo?.password})`);
  }
  const stop = async () => {
    server.kill("SIGTERM");
    await sandbox?.close();
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  server.on("exit", async (code) => {
    await sandbox?.close();
    process.exit(code ?? 0);
  });
}

// The sandbox joins demo mode so the wizard has a DingTalk to bind to.
async function startDemoSandbox(env: NodeJS.ProcessEnv) {
  const sandbox = await startSandbox({
    port: Number(process.env.SANDBOX_PORT ?? 3100),
    dataFile: process.env.SANDBOX_DATA_FILE ?? `${dataDir()}/sandbox.json`,
  });
  env.DINGTALK_ALLOW_LOCAL_ENDPOINTS = "true";
  env.DINGTALK_SANDBOX_URL = sandbox.url;
  console.info(`DingTalk sandbox: ${sandbox.url}/_sandbox`);
  return sandbox;
}

function fail(message: string): never {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

void main();
