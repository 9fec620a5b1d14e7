import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoDirectory } from "@/prisma/seed-demo";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { searchOus } from "./ou-queries";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  await seedDemoDirectory(db);
});
afterAll(async () => cleanup());

describe("searchOus", () => {
  it("finds OUs by part of their name whatever the case typed, with their paths", async () => {
    const offices = await searchOus(db, "OFFICE");
    expect(offices.total).toBe(4);
    expect(offices.results.map((r) => r.name)).toEqual([
      "Hangzhou Office",
      "Osaka Office",
      "Shanghai Office",
      "Tokyo Office",
    ]);
    const shanghai = await searchOus(db, "shanghai");
    expect(shanghai.results).toHaveLength(1);
    expect(shanghai.results[0].path).toMatch(/^Acme Group.+Sales.+East China.+Shanghai Office$/);
  });

  it("counts every match, leaves out the excluded and lists at most the limit", async () => {
    const all = await searchOus(db, "office");
    const tokyo = all.results.find((r) => r.name === "Tokyo Office")!;
    const rest = await searchOus(db, "Office", { excludeIds: [tokyo.id], limit: 2 });
    expect(rest.total).toBe(3);
    expect(rest.results.map((r) => r.name)).toEqual(["Hangzhou Office", "Osaka Office"]);
  });
});
