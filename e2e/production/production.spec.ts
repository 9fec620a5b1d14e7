import { execSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { startPostgres, withDatabase, type PostgresServer } from "../../lib/server/db/postgres-server";

// The README's "Production" block, run as written against a real PostgreSQL server: migrate,
// create an administrator, two console processes and a worker. Then one signed-in session is
// served by both consoles alternately, /api/health answers on both, and SIGTERM stops every
// process cleanly. (`npm install` and `npm run build` are the harness's own: it built already.)

test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial", timeout: 240_000 });

const REQUIRED_ENV = ["DATABASE_URL", "DEMO_MODE", "NEXTAUTH_SECRET", "ENCRYPTION_KEYS", "NEXTAUTH_URL", "SYNC_WORKER"];

function readmeBlock(): string[] {
  const readme = fs.readFileSync("README.md", "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("Production"));
  const block = section?.match(/```sh\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error("README has no Production section with a sh block");
  return block
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let server: PostgresServer;
let env: NodeJS.ProcessEnv;
let ports: [number, number];
const processes: { line: string; child: ChildProcess; exit: Promise<number | null> }[] = [];
const consoleUrl = (i: 0 | 1) => `http://localhost:${ports[i]}`;

test.beforeAll(async () => {
  server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE console`);
  await admin.end();
  ports = [await freePort(), await freePort()];
  env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: withDatabase(server.url, "console"),
    DEMO_MODE: "false",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    ENCRYPTION_KEYS: `1:${randomBytes(32).toString("base64")}`,
    NEXTAUTH_URL: `http://localhost:${ports[0]}`,
    SYNC_WORKER: "off",
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
  };
  delete env.ADMIN_PASSWORD;
  delete env.ADMIN_EMAIL;
});

test.afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null) process.kill(-p.child.pid!, "SIGKILL");
  await server?.stop();
});

test("the README's production commands bring up two consoles and a worker on PostgreSQL", async ({ page }) => {
  const lines = readmeBlock();
  const exported = lines.filter((l) => l.startsWith("export ")).map((l) => l.slice(7).split("=")[0]);
  expect(exported.sort()).toEqual([...REQUIRED_ENV].sort());
  const commands = lines.filter((l) => !l.startsWith("export "));
  // The harness ran these two already (npm install, then the e2e build).
  expect(commands.slice(0, 2)).toEqual(["npm install", "npm run build"]);
  const serve = commands.filter((l) => / npm run serve$/.test(l));
  expect(serve).toHaveLength(2);
  for (const line of commands.slice(2)) {
    if (line === "npm run worker" || serve.includes(line)) {
      // Long-running: the README's ports become free ones.
      // Run without a shell (a process manager's way: SIGTERM reaches npm and the console, not a
      // shell that would die of it): leading VAR=value words become the environment.
      const words = line.split(/\s+/);
      const isAssignment = (w: string) => /^[A-Z_]+=/.test(w);
      const assignments = Object.fromEntries(words.filter(isAssignment).map((w) => w.split("=") as [string, string]));
      if (serve.includes(line)) assignments.PORT = String(ports[serve.indexOf(line) as 0 | 1]);
      const [command, ...args] = words.filter((w) => !isAssignment(w));
      const child = spawn(command, args, {
        env: { ...env, ...assignments },
        detached: true,
        stdio: ["ignore", "inherit", "inherit"],
      });
      processes.push({ line, child, exit: new Promise((r) => child.once("exit", (code) => r(code))) });
    } else {
      execSync(line, { env, stdio: ["ignore", "inherit", "inherit"], shell: "/bin/sh" });
    }
  }
  expect(processes.map((p) => p.line)).toEqual([...serve, "npm run worker"]);

  for (const i of [0, 1] as const)
    await expect
      .poll(async () => (await fetch(`${consoleUrl(i)}/api/health`).catch(() => null))?.status, { timeout: 120_000 })
      .toBe(200);
  for (const i of [0, 1] as const) {
    const health = (await (await fetch(`${consoleUrl(i)}/api/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ database: "ok", migrations: "current" });
  }
  // The worker beats into the database; either console reports it.
  await expect
    .poll(
      async () =>
        ((await (await fetch(`${consoleUrl(1)}/api/health`)).json()) as { workerHeartbeatAgeS: number | null })
          .workerHeartbeatAgeS,
      { timeout: 60_000 },
    )
    .not.toBeNull();

  // Sign in on the first console with the administrator the README created...
  await page.goto(`${consoleUrl(0)}/login`);
  await page.getByLabel(/e-mail/i).fill("you@example.com");
  await page.getByLabel(/^password$/i).fill("a-long-password");
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page.getByRole("heading", { name: "Quick Start" })).toBeVisible();
  // ...then the same session is served by both, alternately.
  for (const [i, path, heading] of [
    [1, "/directory/accounts", /^Accounts$/],
    [0, "/identity-providers", /^Identity Providers$/],
    [1, "/audit-log", /^Audit log$/],
  ] as const) {
    await page.goto(`${consoleUrl(i)}${path}`);
    await expect(page).toHaveURL(`${consoleUrl(i)}${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
  // The sign-in the first console recorded is in the log the second one reads.
  await expect(page.getByRole("main")).toContainText("you@example.com");

  // SIGTERM: every process stops by itself, cleanly.
  for (const p of processes) process.kill(-p.child.pid!, "SIGTERM");
  for (const p of processes) expect(await p.exit).toBe(0);
});
