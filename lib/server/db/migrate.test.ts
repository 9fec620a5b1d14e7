import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "../prisma-client";
import { dialectOfUrl } from "./dialect";
import { migrate, MigrationError, migrationState, readMigrations, type Migration } from "./migrate";
import { withDatabase } from "./postgres-server";

// The console's migration runner on the pass's database (SQLite, or PostgreSQL in the
// PostgreSQL pass): an empty database each test.
const server = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];

async function emptyDatabase(): Promise<string> {
  if (server && dialectOfUrl(server) === "postgresql") {
    const name = `m_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => c.end());
    });
    return withDatabase(server, name);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-"));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return `file:${path.join(dir, "console.db")}`;
}

afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

type Row = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

async function rows(url: string) {
  const db = createPrismaClient(url);
  try {
    return await db.$queryRawUnsafe<(Row & { applied_steps_count: number | bigint })[]>(
      `SELECT * FROM "_prisma_migrations" ORDER BY "migration_name"`,
    );
  } finally {
    await db.$disconnect();
  }
}

describe("migrationState", () => {
  const files: Migration[] = [
    { name: "1_a", sql: "", checksum: "a" },
    { name: "2_b", sql: "", checksum: "b" },
    { name: "3_c", sql: "", checksum: "c" },
  ];
  const row = (name: string, checksum: string, finished = true, rolledBack = false): Row => ({
    migration_name: name,
    checksum,
    finished_at: finished ? new Date() : null,
    rolled_back_at: rolledBack ? new Date() : null,
  });

  it("tells applied, pending, modified, failed and unknown migrations apart", () => {
    expect(migrationState(files, [row("1_a", "a"), row("2_b", "changed"), row("9_z", "z")])).toEqual({
      applied: ["1_a", "2_b"],
      pending: ["3_c"],
      modified: ["2_b"],
      unknown: ["9_z"],
      failed: [],
    });
    expect(migrationState(files, [row("1_a", "a"), row("2_b", "b", false)])).toMatchObject({
      pending: ["3_c"],
      failed: ["2_b"],
    });
    // A rolled-back attempt counts as not applied.
    expect(migrationState(files, [row("1_a", "a", true, true)]).pending).toEqual(["1_a", "2_b", "3_c"]);
  });
});

describe("migrate", () => {
  const dialect = server && dialectOfUrl(server) === "postgresql" ? "postgresql" : "sqlite";

  it("applies every migration once, recorded as Prisma records them", async () => {
    const url = await emptyDatabase();
    const files = readMigrations(dialect);
    expect(await migrate(url)).toEqual(files.map((f) => f.name));
    expect(await migrate(url)).toEqual([]);
    const recorded = await rows(url);
    expect(recorded.map((r) => [r.migration_name, r.checksum, Number(r.applied_steps_count)])).toEqual(
      files.map((f) => [f.name, f.checksum, 1]),
    );
    expect(recorded.every((r) => r.finished_at != null && r.rolled_back_at == null)).toBe(true);
    const db = createPrismaClient(url);
    try {
      expect(await db.admin.count()).toBe(0);
      expect(await db.callSlot.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("several processes migrating at once apply each migration exactly once", async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.flat().sort()).toEqual(readMigrations(dialect).map((f) => f.name));
    expect((await rows(url)).length).toBe(readMigrations(dialect).length);
  });

  it("refuses to go on when an applied migration's file was changed, naming it and the fix", async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const db = createPrismaClient(url);
    const first = readMigrations(dialect)[0].name;
    try {
      await db.$executeRawUnsafe(
        `UPDATE "_prisma_migrations" SET "checksum" = 'tampered' WHERE "migration_name" = '${first}'`,
      );
    } finally {
      await db.$disconnect();
    }
    const error = await migrate(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(first);
    expect((error as Error).message).toContain("npm run db:migration");
  });
});
