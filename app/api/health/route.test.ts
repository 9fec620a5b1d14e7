import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/server/health";
import { createPrismaClient, type Db } from "@/lib/server/prisma-client";
import { startHeartbeat } from "@/lib/server/processes";
import { createTestDb } from "@/lib/server/test-db";

// The route handler itself, on a migrated test database (SQLite, or PostgreSQL in the PostgreSQL pass).
let db: Db;
let url: string;
let cleanup: () => Promise<void>;
let GET: () => Promise<Response>;

beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb());
  // lib/server/db's client reads DATABASE_URL when first imported.
  process.env.DATABASE_URL = url;
  ({ GET } = await import("./route"));
});
afterAll(() => cleanup());

async function probe() {
  const res = await GET();
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, res };
}

describe("GET /api/health", () => {
  it("is 200 ok with the database reachable and every migration applied, and says nothing secret", async () => {
    const { status, body, res } = await probe();
    expect(status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(body).toMatchObject({
      status: "ok",
      database: "ok",
      migrations: "current",
      migrationCounts: { pending: 0, ahead: 0 },
      workerHeartbeatAgeS: null,
      workerExpected: false,
    });
    expect((body.migrationCounts as { applied: number }).applied).toBeGreaterThan(0);
    // Only states, counts and an age: no URL, host, file, migration name.
    const text = JSON.stringify(body);
    for (const secret of [url, "127.0.0.1", os.hostname(), "prisma", "/"]) expect(text).not.toContain(secret);
  });

  it("reports the youngest worker heartbeat's age, and degraded while an IdP is enabled with no worker beating", async () => {
    await db.identityProvider.create({
      data: { displayName: "Health", corpId: "health-corp", appKey: "k", appSecretEncrypted: "x", status: "enabled" },
    });
    expect((await probe()).body).toMatchObject({ status: "degraded", workerHeartbeatAgeS: null, workerExpected: true });
    await db.processHeartbeat.create({
      data: { id: "old:1:x", role: "worker", host: "old", pid: 1, beatAt: new Date(Date.now() - 5 * 60_000) },
    });
    const stale = await probe();
    expect(stale.status).toBe(200);
    expect(stale.body.status).toBe("degraded");
    expect(stale.body.workerHeartbeatAgeS).toBeGreaterThanOrEqual(300);

    const stop = await startHeartbeat(db, "worker");
    const beating = await probe();
    expect(beating.body).toMatchObject({ status: "ok", workerExpected: true });
    expect(beating.body.workerHeartbeatAgeS).toBeLessThan(60);
    await stop();
    await db.processHeartbeat.deleteMany();
    await db.identityProvider.deleteMany();
  });

  it("is 503 with a migration pending (its row gone from _prisma_migrations), counted but not named", async () => {
    const [last] = await db.$queryRaw<{ id: string; migration_name: string }[]>`
      SELECT "id", "migration_name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`;
    const [row] = await db.$queryRaw<
      Record<string, unknown>[]
    >`SELECT * FROM "_prisma_migrations" WHERE "id" = ${last.id}`;
    await db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE "id" = ${last.id}`;
    const { status, body } = await probe();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "down", database: "ok", migrations: "pending" });
    expect(body.migrationCounts).toMatchObject({ pending: 1, ahead: 0 });
    expect(JSON.stringify(body)).not.toContain(last.migration_name);

    // Applied by a newer build (a name this build does not have): ahead, also 503.
    await db.$executeRaw`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count")
      VALUES (${last.id}, ${row.checksum as string}, ${new Date()}, ${last.migration_name}, ${new Date()}, 1)`;
    expect((await probe()).status).toBe(200);
    await db.$executeRaw`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count")
      VALUES (${"newer"}, ${"0"}, ${new Date()}, ${"99990101000000_newer"}, ${new Date()}, 1)`;
    const ahead = await probe();
    expect(ahead.status).toBe(503);
    expect(ahead.body).toMatchObject({ migrations: "ahead", migrationCounts: { pending: 0, ahead: 1 } });
    await db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE "id" = ${"newer"}`;
  });

  it("is 503 down when the database does not answer", async () => {
    const unreachable = createPrismaClient(
      url.startsWith("file:") ? "file:/nonexistent-dir/none/console.db" : "postgresql://nobody@127.0.0.1:1/none",
    );
    const { report, httpStatus } = await checkHealth(unreachable);
    expect(httpStatus).toBe(503);
    expect(report).toEqual({
      status: "down",
      database: "unreachable",
      migrations: "unknown",
      migrationCounts: null,
      workerHeartbeatAgeS: null,
      workerExpected: null,
    });
    await unreachable.$disconnect().catch(() => undefined);
  });
});
