import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { dataDir } from "../config";
import { databaseUrl } from "../database-url";
import { dialectOfUrl } from "../db/dialect";

/**
 * `npm run db:backup [-- <file>]`: a consistent copy of DATABASE_URL's database while the console
 * runs. SQLite: SQLite's online backup API (better-sqlite3's `backup`), page by page, so writers
 * go on. PostgreSQL: `pg_dump --format=custom` (from PATH, else Debian's /usr/lib/postgresql/<v>/bin),
 * the password handed over in PGPASSWORD, never on a command line or in the output.
 * Prints the file, its size and the shell command that restores it (PostgreSQL: into the database
 * of $DATABASE_URL, as set when it runs).
 */
export type Backup = { file: string; bytes: number; restore: string };

const run = promisify(execFile);

export function defaultBackupFile(extension: "db" | "dump", now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
  return path.join(dataDir(), "backups", `console-${stamp}.${extension}`);
}

export function sqliteFileOf(url: string): string {
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

export async function backupSqlite(url: string, file: string): Promise<Backup> {
  const source = sqliteFileOf(url);
  const sqlite = new Database(source, { fileMustExist: true });
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await sqlite.backup(file);
  } finally {
    sqlite.close();
  }
  // The old database's -wal/-shm would be replayed onto the copy: they go with it.
  const restore = `cp '${path.resolve(file)}' '${source}' && rm -f '${source}-wal' '${source}-shm'`;
  return { file: path.resolve(file), bytes: fs.statSync(file).size, restore };
}

/** Connection settings for pg_dump: the URL without its password (given in PGPASSWORD) and Prisma-only options. */
export function pgConnection(url: string): { dsn: string; password: string | null } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : null;
  u.password = "";
  for (const prismaOnly of ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size"])
    u.searchParams.delete(prismaOnly);
  return { dsn: u.toString(), password };
}

export function findPgTool(tool: "pg_dump" | "pg_restore"): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, tool))) return path.join(dir, tool);
  }
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base)
    ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, "bin", tool)))
    : [];
  // The newest: pg_dump reads servers of its own version and older.
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest)
    throw new Error(`${tool} is missing: install PostgreSQL's client (Debian: apt-get install postgresql-client).`);
  return path.join(base, newest, "bin", tool);
}

function pgRestore(): string {
  try {
    return findPgTool("pg_restore");
  } catch {
    return "pg_restore";
  }
}

export async function backupPostgres(url: string, file: string): Promise<Backup> {
  const { dsn, password } = pgConnection(url);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const env = { ...process.env, ...(password === null ? {} : { PGPASSWORD: password }) };
  await run(findPgTool("pg_dump"), ["--format=custom", `--file=${file}`, `--dbname=${dsn}`], { env });
  const restore = `${pgRestore()} --clean --if-exists --no-owner --dbname="$DATABASE_URL" '${path.resolve(file)}'`;
  return { file: path.resolve(file), bytes: fs.statSync(file).size, restore };
}

export function backupDatabase(url: string, file?: string): Promise<Backup> {
  return dialectOfUrl(url) === "postgresql"
    ? backupPostgres(url, file ?? defaultBackupFile("dump"))
    : backupSqlite(url, file ?? defaultBackupFile("db"));
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

async function main() {
  try {
    const backup = await backupDatabase(databaseUrl(), process.argv[2]);
    console.info(`Backed up to ${backup.file} (${formatBytes(backup.bytes)}).`);
    console.info(`To restore it, stop the console and every worker, then run:\n  ${backup.restore}`);
  } catch (error) {
    // pg_dump's own message names the server and the user, never the password.
    const stderr = (error as { stderr?: string }).stderr;
    console.error(`✖ Backup failed: ${stderr?.trim() || (error as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1]?.endsWith("db-backup.ts")) void main();
