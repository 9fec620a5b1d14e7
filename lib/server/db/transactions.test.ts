// A transaction that reads, then writes, while another process writes the same database: on SQLite
// the console's transactions begin IMMEDIATE (lib/server/prisma-client.ts), so none fails with
// "database is locked" (a deferred one did, 179 of 200 here); on PostgreSQL this is the usual case.
import { once } from "node:events";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "../prisma-client";
import { signalAndWait, spawnCli } from "../sync/test-processes";
import { createTestDb } from "../test-db";

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb());
});
afterAll(async () => {
  await cleanup?.();
});

it("read-then-write transactions all commit while another process keeps writing", { timeout: 120_000 }, async () => {
  const writer = spawnCli("lib/server/db/test-writer.ts", { DATABASE_URL: url }, [], { pipe: true });
  try {
    await once(writer.stdout!, "data");
    const writtenBefore = await db.auditLog.count({ where: { actorLabel: "other-process" } });
    const failures: string[] = [];
    for (let i = 0; i < 100; i++) {
      await db
        .$transaction(async (tx) => {
          const seen = await tx.auditLog.count();
          // The other process gets its turn between this transaction's read and its write.
          await new Promise((r) => setTimeout(r, 2));
          await tx.auditLog.create({ data: { actorLabel: "console", action: "test.write", details: String(seen) } });
        })
        .catch((error: unknown) => failures.push(error instanceof Error ? error.message : String(error)));
    }
    expect(failures).toEqual([]);
    expect(await db.auditLog.count({ where: { actorLabel: "console" } })).toBe(100);
    // The other process really wrote meanwhile.
    expect(await db.auditLog.count({ where: { actorLabel: "other-process" } })).toBeGreaterThan(writtenBefore);
  } finally {
    await signalAndWait(writer, "SIGTERM");
  }
});
