import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "./db/migrate";
import { withDatabase } from "./db/postgres-server";
import { createPrismaClient, type Db } from "./prisma-client";

/**
 * A real database for integration tests, with every migration applied by the console's
 * runner (lib/server/db/migrate.ts). SQLite by default: a temp file. With TEST_DATABASE_URL
 * set to a PostgreSQL server (`npm test` starts one for its PostgreSQL pass, see
 * lib/server/cli/test.ts), a fresh database on it, copied from a migrated template.
 */
export async function createTestDb(): Promise<{ db: Db; url: string; cleanup: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (server && /^postgres(ql)?:/.test(server)) return createPostgresTestDb(server);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "console-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  await migrate(url);
  const db = createPrismaClient(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TEMPLATE = "console_test_template";

/** The migrated template, made once per server (prepareTemplate in the runner, or here on first use). */
export async function prepareTemplate(server: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [TEMPLATE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${TEMPLATE}"`);
  } catch (error) {
    // Another test file created it at the same moment.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await admin.end();
  }
  await migrate(withDatabase(server, TEMPLATE));
}

async function createPostgresTestDb(server: string) {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE}"`);
        break;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === "3D000")
          await prepareTemplate(server); // no template yet
        // The template is busy while another file copies it or migrates it: wait a little.
        else if (code !== "55006" || attempt > 50) throw error;
        else await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(server, name);
  const db = createPrismaClient(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => c.end());
    },
  };
}
