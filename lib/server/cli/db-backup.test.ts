import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { pgConnection } from "./db-backup";

const exec = promisify(execFile);

// `npm run db:backup` as an operator runs it, on SQLite or (in the PostgreSQL pass) PostgreSQL:
// back up, change the data, run the printed restore command, see the data as it was.
let db: Db;
let url: string;
let cleanup: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "console-backup-"));
});
afterAll(async () => {
  await cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const PASSWORD = "pw-Never-Printed-42";

/** The test server trusts every local connection: a password in the URL is accepted and ignored. */
function withPassword(u: string): string {
  if (u.startsWith("file:")) return u;
  const parsed = new URL(u);
  parsed.password = PASSWORD;
  return parsed.toString();
}

const emails = async (client: Db) => (await client.admin.findMany({ orderBy: { email: "asc" } })).map((a) => a.email);

describe("npm run db:backup", { timeout: 120_000 }, () => {
  it("backs up while the database is in use, prints the file, its size and a restore command that brings the data back", async () => {
    await db.admin.create({ data: { email: "before@example.com", name: "Before", passwordHash: "x" } });
    const file = path.join(dir, "nested", "backup.bin");
    const env = { ...process.env, DATABASE_URL: withPassword(url) };
    const { stdout, stderr } = await exec("node_modules/.bin/tsx", ["lib/server/cli/db-backup.ts", file], { env });
    expect(stdout).toContain(`Backed up to ${file} (`);
    expect(stdout).toMatch(/\(\d+\.\d (KiB|MiB)\)/);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    expect(stdout + stderr).not.toContain(PASSWORD);
    const restore = stdout.split("\n").at(stdout.split("\n").findIndex((l) => l.startsWith("To restore it")) + 1)!;
    expect(restore).toContain(file);

    // Changed after the backup.
    await db.admin.updateMany({ data: { email: "changed@example.com" } });
    await db.admin.create({ data: { email: "added@example.com", name: "Added", passwordHash: "x" } });
    expect(await emails(db)).toEqual(["added@example.com", "changed@example.com"]);

    // As documented: the console stopped (no client open), then the printed command.
    await db.$disconnect();
    await exec("sh", ["-c", restore.trim()], { env });
    const restored = createPrismaClient(url);
    try {
      expect(await emails(restored)).toEqual(["before@example.com"]);
      // The restored database is a whole console database: its migrations are recorded.
      const [{ n }] = await restored.$queryRaw<
        { n: bigint | number }[]
      >`SELECT COUNT(*) AS n FROM "_prisma_migrations"`;
      expect(Number(n)).toBeGreaterThan(0);
    } finally {
      await restored.$disconnect();
    }
  });

  it("hands pg_dump the URL without its password or Prisma-only options", () => {
    expect(pgConnection("postgresql://app:p%40ss@db.example:5432/console?schema=public&sslmode=require")).toEqual({
      dsn: "postgresql://app@db.example:5432/console?sslmode=require",
      password: "p@ss",
    });
    expect(pgConnection("postgresql://app@db.example/console").password).toBeNull();
  });
});
