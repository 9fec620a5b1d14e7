import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A throwaway PostgreSQL server for tests and benchmarks: Debian's `postgresql` package
 * (installed as Chromium is, when missing), a fresh data directory under the temp dir, a
 * free port on 127.0.0.1, trust authentication, and durability off (fsync) since the data
 * is thrown away. As root, the server runs as the package's `postgres` user (PostgreSQL
 * refuses to run as root).
 */
export type PostgresServer = { url: string; port: number; dataDir: string; stop: () => Promise<void> };

const INSTALL = "apt-get update && apt-get install -y postgresql";

function binDir(): string | null {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, "bin", "postgres")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], "bin") : null;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Makes sure PostgreSQL's server binaries are there: installs Debian's package as root, else says how. */
export function ensurePostgres(): string {
  let bin = process.env.POSTGRES_BIN_DIR ?? binDir();
  if (bin) return bin;
  if (!isRoot()) throw new Error(`PostgreSQL is missing. Install Debian's package first:\n    sudo sh -c '${INSTALL}'`);
  console.info(`▶ Installing Debian's PostgreSQL (${INSTALL})`);
  execFileSync("sh", ["-c", `DEBIAN_FRONTEND=noninteractive ${INSTALL}`], { stdio: "inherit" });
  bin = binDir();
  if (!bin) throw new Error("apt-get finished but PostgreSQL's server binaries are still missing.");
  return bin;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
function asServerUser(bin: string, args: string[]): { command: string; args: string[] } {
  return isRoot() ? { command: "runuser", args: ["-u", "postgres", "--", bin, ...args] } : { command: bin, args };
}

export async function startPostgres({ log = false }: { log?: boolean } = {}): Promise<PostgresServer> {
  const bin = ensurePostgres();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "console-pg-"));
  fs.chmodSync(dataDir, 0o700);
  if (isRoot()) execFileSync("chown", ["postgres:postgres", dataDir]);
  const init = asServerUser(path.join(bin, "initdb"), [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    // Byte order, as SQLite compares text: the same sort on both databases.
    "--locale=C",
  ]);
  execFileSync(init.command, init.args, { stdio: log ? "inherit" : "ignore" });
  const port = await freePort();
  const serve = asServerUser(path.join(bin, "postgres"), [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    `unix_socket_directories=${dataDir}`,
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
    "-c",
    "full_page_writes=off",
    "-c",
    "max_connections=300",
    // POSTGRES_SLOW_MS=100: the server logs statements slower than that (finding a slow query).
    ...(process.env.POSTGRES_SLOW_MS ? ["-c", `log_min_duration_statement=${process.env.POSTGRES_SLOW_MS}`] : []),
  ]);
  const child: ChildProcess = spawn(serve.command, serve.args, {
    stdio: log || process.env.POSTGRES_SLOW_MS ? "inherit" : "ignore",
  });
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`PostgreSQL did not start: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    port,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        // SIGINT to the postmaster (runuser does not pass signals on): PostgreSQL's "fast"
        // shutdown (roll back, disconnect, stop).
        const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
        process.kill(pid > 0 ? pid : (child.pid ?? 0), "SIGINT");
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A database URL on the same server with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
