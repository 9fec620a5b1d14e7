import Database from "better-sqlite3";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { dialectOfUrl } from "./dialect";
import { migrationsDir, type Dialect } from "./schemas";

/**
 * The migration runner for both dialects. Prisma's `migrate deploy` runs through the Wasm
 * schema engine, which cannot read a PostgreSQL catalogue (and the native engines cannot be
 * downloaded here), so the console applies its migrations itself: the SQL files Prisma's
 * `migrate diff` wrote (prisma/migrations for SQLite, prisma/postgresql/migrations), in name
 * order, each recorded in Prisma's own `_prisma_migrations` table (id, sha256 checksum of the
 * file, timestamps, one applied step): a later `prisma migrate deploy` with native engines
 * sees them as applied and agrees. On PostgreSQL each migration runs in one transaction under
 * an advisory lock, so several processes starting at once apply it once.
 */
export type Migration = { name: string; sql: string; checksum: string };

export type MigrationState = {
  applied: string[];
  pending: string[];
  /** Applied here, but their file changed since (Prisma refuses to go on; so do we). */
  modified: string[];
  /** Recorded in the database but missing on disk: a newer console wrote them. */
  unknown: string[];
  /** Started but never finished (a failed migration needs a person). */
  failed: string[];
};

const LOCK_KEY = 727_073_691; // pg_advisory_lock key: "console migrations"

export function readMigrations(dialect: Dialect, root = process.cwd()): Migration[] {
  const dir = migrationsDir(dialect, root);
  return fs
    .readdirSync(dir)
    .filter((n) => fs.existsSync(path.join(dir, n, "migration.sql")))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

type Row = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

/** Compares the files with the rows of `_prisma_migrations`. */
export function migrationState(files: Migration[], rows: Row[]): MigrationState {
  const live = rows.filter((r) => r.rolled_back_at == null);
  const done = new Map(live.filter((r) => r.finished_at != null).map((r) => [r.migration_name, r.checksum]));
  const names = new Set(files.map((f) => f.name));
  return {
    applied: files.filter((f) => done.has(f.name)).map((f) => f.name),
    pending: files
      .filter((f) => !done.has(f.name) && !live.some((r) => r.migration_name === f.name))
      .map((f) => f.name),
    modified: files.filter((f) => done.has(f.name) && done.get(f.name) !== f.checksum).map((f) => f.name),
    unknown: [...done.keys()].filter((n) => !names.has(n)),
    failed: live.filter((r) => r.finished_at == null).map((r) => r.migration_name),
  };
}

export class MigrationError extends Error {}

function refuseBroken(state: MigrationState) {
  if (state.failed.length)
    throw new MigrationError(
      `Migration ${state.failed[0]} started earlier and did not finish: restore the backup taken before it, or fix the database and remove its row from _prisma_migrations.`,
    );
  if (state.modified.length)
    throw new MigrationError(
      `Migration ${state.modified[0]} was changed after it was applied: restore its file as it was (git checkout), and write changes as a new migration (npm run db:migration).`,
    );
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

const SELECT_ROWS = `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`;

/** Applies the pending migrations; returns their names. */
export async function migrate(url: string, root = process.cwd()): Promise<string[]> {
  const dialect = dialectOfUrl(url);
  const files = readMigrations(dialect, root);
  return dialect === "sqlite" ? migrateSqlite(url, files) : migratePostgres(url, files);
}

function sqliteFile(url: string): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return file;
}

function migrateSqlite(url: string, files: Migration[]): string[] {
  const sqlite = new Database(sqliteFile(url));
  try {
    sqlite.pragma("busy_timeout = 10000");
    sqlite.exec(SQLITE_TABLE);
    const state = migrationState(files, sqlite.prepare(SELECT_ROWS).all() as Row[]);
    refuseBroken(state);
    const insert = sqlite.prepare(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, ?, 1)`,
    );
    const applied: string[] = [];
    for (const m of files.filter((f) => state.pending.includes(f.name))) {
      const startedAt = new Date().toISOString();
      // As Prisma does for SQLite: the script as it is (a table redefinition turns foreign keys
      // off and on, which SQLite ignores inside a transaction).
      try {
        sqlite.exec(m.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      insert.run(randomUUID(), m.checksum, new Date().toISOString(), m.name, startedAt);
      applied.push(m.name);
    }
    return applied;
  } finally {
    sqlite.close();
  }
}

async function migratePostgres(url: string, files: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(POSTGRES_TABLE);
    const state = migrationState(files, (await client.query<Row>(SELECT_ROWS)).rows);
    refuseBroken(state);
    const applied: string[] = [];
    for (const m of files.filter((f) => state.pending.includes(f.name))) {
      const startedAt = new Date();
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), m.checksum, m.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new MigrationError(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
