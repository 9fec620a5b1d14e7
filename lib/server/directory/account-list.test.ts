import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoDirectory } from "@/prisma/seed-demo";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { listAccounts } from "./account-list";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  await seedDemoDirectory(db);
});
afterAll(async () => cleanup());

describe("listAccounts", () => {
  it("pages through every account in username order", async () => {
    const first = await listAccounts(db, { page: 1 });
    expect(first.total).toBe(319);
    expect(first.pages).toBe(7);
    expect(first.accounts).toHaveLength(50);
    const names = first.accounts.map((a) => a.username);
    expect(names).toEqual([...names].sort());
    const last = await listAccounts(db, { page: 7 });
    expect(last.accounts).toHaveLength(19);
    expect(last.total).toBe(319);
    expect(await listAccounts(db, { page: 99 })).toMatchObject({ accounts: [], total: 319 });
  });

  it("searches username, display name, e-mail and mobile, treating % and _ literally", async () => {
    expect((await listAccounts(db, { page: 1, query: "tanaka.yuki" })).accounts.map((a) => a.username)).toEqual([
      "tanaka.yuki",
    ]);
    expect((await listAccounts(db, { page: 1, query: "田中 由紀" })).total).toBe(1);
    expect((await listAccounts(db, { page: 1, query: "13800000001" })).accounts.map((a) => a.username)).toContain(
      "zhang.wei",
    );
    expect((await listAccounts(db, { page: 1, query: "%" })).total).toBe(0);
    expect((await listAccounts(db, { page: 1, query: "_" })).total).toBe(0);
    // A match lies within one field: the end of the username and the start of the display name is none.
    expect((await listAccounts(db, { page: 1, query: "yuki田中" })).total).toBe(0);
  });

  it("filters by an OU including everything below it", async () => {
    const sales = await db.organizationalUnit.findFirstOrThrow({ where: { name: "Sales" } });
    const under = await db.organizationalUnit.findMany({
      where: { OR: [{ id: sales.id }, { parentId: sales.id }, { parent: { parentId: sales.id } }] },
      select: { id: true },
    });
    const expected = await db.account.count({
      where: { memberships: { some: { ouId: { in: under.map((u) => u.id) } } } },
    });
    const result = await listAccounts(db, { page: 1, ouId: sales.id });
    expect(result.total).toBe(expected);
    expect(expected).toBeGreaterThan(50);
    const shanghai = await db.organizationalUnit.findFirstOrThrow({ where: { name: "Shanghai Office" } });
    const combined = await listAccounts(db, { page: 1, ouId: sales.id, query: "zhang" });
    expect(combined.accounts.every((a) => a.username.includes("zhang"))).toBe(true);
    expect((await listAccounts(db, { page: 1, ouId: shanghai.id })).total).toBeLessThan(expected);
  });

  it("ignores case in the search, alone and under an OU filter over nested OUs", async () => {
    const usernames = async (query: string, ouId?: string) =>
      (await listAccounts(db, { page: 1, query, ouId })).accounts.map((a) => a.username);
    expect(await usernames("TANAKA.Yuki")).toEqual(["tanaka.yuki"]);
    // An account without e-mail or mobile is still found by its other fields.
    expect(await usernames("No.Contact")).toEqual(["no.contact"]);
    // Only the display name ("Emily Brown") has the space: the match is on it, in another case.
    const emilies = await db.account.findMany({ where: { displayName: "Emily Brown" }, orderBy: { username: "asc" } });
    expect(emilies.length).toBeGreaterThan(0);
    expect(await usernames("emily BROWN")).toEqual(emilies.map((a) => a.username));
    const withEmail = await db.account.count({ where: { email: { endsWith: "@example.com" } } });
    expect((await listAccounts(db, { page: 1, query: "@EXAMPLE.COM" })).total).toBe(withEmail);

    // Sales -> East China -> Shanghai Office: the filter reaches two levels down, whatever the case typed.
    const sales = await db.organizationalUnit.findFirstOrThrow({ where: { name: "Sales" } });
    const inSubtree = {
      some: {
        ou: {
          OR: [{ id: sales.id }, { parentId: sales.id }, { parent: { parentId: sales.id } }],
        },
      },
    };
    const zhangs = await db.account.findMany({
      where: { username: { startsWith: "zhang." }, memberships: inSubtree },
      orderBy: { username: "asc" },
      select: { username: true },
    });
    const nested = await db.account.count({
      where: { username: { startsWith: "zhang." }, memberships: { some: { ou: { name: "Shanghai Office" } } } },
    });
    expect(nested).toBeGreaterThan(0);
    const upper = await listAccounts(db, { page: 1, ouId: sales.id, query: "ZHANG." });
    expect(upper.total).toBe(zhangs.length);
    expect(upper.accounts.map((a) => a.username)).toEqual(zhangs.map((a) => a.username).slice(0, 50));
    expect(await usernames("Zhang.", sales.id)).toEqual(await usernames("zhang.", sales.id));
  });
});
