import { describe, expect, it } from "vitest";
import { dialectOf } from "./prisma-client";
import { createTestDb } from "./test-db";

// The PostgreSQL pass (npm run test:pg, npm test) must really run on PostgreSQL.
describe("createTestDb", () => {
  it("gives a database of the pass's dialect, migrated and empty", async () => {
    const expected = /^postgres(ql)?:/.test(process.env.TEST_DATABASE_URL ?? "") ? "postgresql" : "sqlite";
    const { db, url, cleanup } = await createTestDb();
    try {
      expect(dialectOf(db)).toBe(expected);
      expect(url.startsWith(expected === "sqlite" ? "file:" : "postgresql:")).toBe(true);
      expect(await db.account.count()).toBe(0);
      const [row] =
        expected === "sqlite"
          ? await db.$queryRaw<{ v: string }[]>`SELECT sqlite_version() AS v`
          : await db.$queryRaw<{ v: string }[]>`SELECT current_setting('server_version') AS v`;
      expect(row.v).toMatch(/^\d+\.\d+/);
    } finally {
      await cleanup();
    }
  });
});
