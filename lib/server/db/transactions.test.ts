// A transaction that reads, then writes, while another process writes the same database: on SQLite
// the console's transactions begin IMMEDIATE (lib/server/prisma-client.ts), so none fails with
// "database is locked" (a deferred one did, most of them); on PostgreSQL this is the usual case.
import { once } from "node:events";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "../prisma-client";
import { signalAndWait, spawnCli, until } from "../sync/test-processes";
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
    const others = () => db.usedSsoState.count({ where: { id: { startsWith: "other-" } } });
    const failures: string[] = [];
    for (let i = 0; i < 50; i++) {
      const written = await others();
      await db
        .$transaction(async (tx) => {
          const seen = await tx.usedSsoState.count();
          // The other process's write comes between this transaction's read and its write.
          await new Promise((r) => setTimeout(r, 2));
          await tx.usedSsoState.create({ data: { id: `console-${i}-${seen}`, expiresAt: new Date() } });
        })
        .catch((error: unknown) => failures.push(error instanceof Error ? error.message : String(error)));
      // Its writes go on between the transactions.
      await until(async () => (await others()) > written, 10_000);
    }
    expect(failures).toEqual([]);
    expect(await db.usedSsoState.count({ where: { id: { startsWith: "console-" } } })).toBe(50);
  } finally {
    await signalAndWait(writer, "SIGTERM");
  }
});
