import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoDirectory } from "@/prisma/seed-demo";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { searchSampleAccounts } from "./samples";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  await seedDemoDirectory(db);
});
afterAll(async () => cleanup());

describe("searchSampleAccounts", () => {
  it("finds accounts by username, display name or e-mail whatever the case typed", async () => {
    const usernames = async (q: string) => (await searchSampleAccounts(db, q)).map((a) => a.username);
    expect(await usernames("TANAKA.YUKI")).toEqual(["tanaka.yuki"]);
    // "emily brown" is only in the display name ("Emily Brown").
    expect(await usernames("emily BROWN")).toEqual(["emily.brown", "emily.brown2"]);
    expect(await usernames("Tanaka.Yuki@Example.COM")).toEqual(["tanaka.yuki"]);
    expect(await usernames("")).toHaveLength(20);
  });
});
