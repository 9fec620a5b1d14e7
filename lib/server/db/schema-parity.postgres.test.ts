import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../test-db";
import { migrate, migrationState, readMigrations } from "./migrate";

// The one schema, two databases: after every migration of each dialect, SQLite and PostgreSQL
// have the same tables, the same columns (name, type family, nullability, default or not), the
// same primary keys and the same indexes. Runs in the PostgreSQL pass (npm run test:pg).

type Column = { table: string; column: string; type: string; nullable: boolean; hasDefault: boolean };

// The type families Prisma maps each scalar to.
const SQLITE_FAMILY: Record<string, string> = {
  TEXT: "text",
  INTEGER: "integer",
  "INTEGER UNSIGNED": "integer",
  BIGINT: "bigint",
  BOOLEAN: "boolean",
  DATETIME: "datetime",
  REAL: "float",
  DECIMAL: "decimal",
};
const POSTGRES_FAMILY: Record<string, string> = {
  text: "text",
  "character varying": "text",
  integer: "integer",
  bigint: "bigint",
  boolean: "boolean",
  "timestamp without time zone": "datetime",
  "timestamp with time zone": "datetime",
  "double precision": "float",
  numeric: "decimal",
};

let sqliteDir: string;
let sqlite: Database.Database;
let postgres: Awaited<ReturnType<typeof createTestDb>>;
let client: pg.Client;

beforeAll(async () => {
  sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "parity-"));
  const file = path.join(sqliteDir, "parity.db");
  await migrate(`file:${file}`);
  sqlite = new Database(file, { readonly: true });
  postgres = await createTestDb();
  client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
});

afterAll(async () => {
  sqlite?.close();
  await client?.end();
  await postgres?.cleanup();
  fs.rmSync(sqliteDir, { recursive: true, force: true });
});

function sqliteColumns(): Column[] {
  const tables = (
    sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[]
  ).map((t) => t.name);
  return tables.flatMap((table) =>
    (
      sqlite.prepare(`PRAGMA table_info("${table}")`).all() as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[]
    ).map((c) => ({
      table,
      column: c.name,
      type: SQLITE_FAMILY[c.type.toUpperCase()] ?? `unknown sqlite type ${c.type}`,
      // SQLite reports a TEXT PRIMARY KEY as nullable unless NOT NULL is spelt out; a key is never null.
      nullable: c.notnull === 0 && c.pk === 0,
      hasDefault: c.dflt_value !== null,
    })),
  );
}

async function postgresColumns(): Promise<Column[]> {
  const { rows } = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>(
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  return rows.map((c) => ({
    table: c.table_name,
    column: c.column_name,
    type: POSTGRES_FAMILY[c.data_type] ?? `unknown postgres type ${c.data_type}`,
    nullable: c.is_nullable === "YES",
    // An autoincrement id is a sequence default on PostgreSQL and INTEGER PRIMARY KEY on SQLite.
    hasDefault: c.column_default !== null && !c.column_default.startsWith("nextval("),
  }));
}

const byKey = (columns: Column[]) =>
  Object.fromEntries(columns.map((c) => [`${c.table}.${c.column}`, c])) as Record<string, Column>;

describe("SQLite and PostgreSQL schemas", () => {
  it("have every migration of their dialect applied", async () => {
    const sqliteRows = sqlite.prepare(`SELECT * FROM "_prisma_migrations"`).all() as never[];
    expect(migrationState(readMigrations("sqlite"), sqliteRows).pending).toEqual([]);
    const pgRows = (await client.query(`SELECT * FROM "_prisma_migrations"`)).rows as never[];
    const state = migrationState(readMigrations("postgresql"), pgRows);
    expect(state.pending).toEqual([]);
    expect(state.applied.length).toBeGreaterThan(0);
  });

  it("match table by table, column by column", async () => {
    const lite = sqliteColumns().filter((c) => c.table !== "_prisma_migrations");
    const post = (await postgresColumns()).filter((c) => c.table !== "_prisma_migrations");
    expect([...new Set(post.map((c) => c.table))].sort()).toEqual([...new Set(lite.map((c) => c.table))].sort());
    expect(lite.length).toBeGreaterThan(100);
    const a = byKey(lite);
    const b = byKey(post);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const key of Object.keys(a)) expect({ key, ...b[key] }).toEqual({ key, ...a[key] });
  });

  it("have the same primary keys and indexes", async () => {
    const liteIndexes = (
      sqlite
        .prepare(
          `SELECT name, tbl_name AS "table" FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .all() as { name: string; table: string }[]
    ).map((i) => `${i.table}:${i.name}`);
    const { rows } = await client.query<{ indexname: string; tablename: string }>(
      `SELECT indexname, tablename FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' ORDER BY indexname`,
    );
    expect(rows.map((r) => `${r.tablename}:${r.indexname}`).sort()).toEqual(liteIndexes.sort());
    const litePk = sqliteColumns()
      .filter((c) => c.table !== "_prisma_migrations")
      .flatMap((c) => {
        const info = sqlite.prepare(`PRAGMA table_info("${c.table}")`).all() as { name: string; pk: number }[];
        return info.some((i) => i.name === c.column && i.pk > 0) ? [`${c.table}.${c.column}`] : [];
      });
    const pgPk = await client.query<{ table_name: string; column_name: string }>(
      `SELECT k.table_name, k.column_name FROM information_schema.table_constraints t
       JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema
       WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = 'public' AND k.table_name <> '_prisma_migrations'`,
    );
    expect(pgPk.rows.map((r) => `${r.table_name}.${r.column_name}`).sort()).toEqual(litePk.sort());
  });
});
