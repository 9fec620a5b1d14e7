import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZAccountSchema, type TAccountInput } from "@/lib/schemas/account";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { createAccount, deleteAccounts, setAccountsStatus, updateAccount } from "./accounts";
import { createOu, deleteOu, moveOu, reorderOu, updateOu } from "./ous";

const actor = "system" as const;
let db: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => ({ db, cleanup } = await createTestDb()));
afterAll(async () => cleanup());
beforeEach(async () => {
  await db.membership.deleteMany();
  await db.account.deleteMany();
  await db.organizationalUnit.deleteMany({ where: { parentId: { not: null } } });
  await db.organizationalUnit.deleteMany();
  await db.outboxEvent.deleteMany();
});

const account = (overrides: Partial<TAccountInput> = {}) =>
  ZAccountSchema.parse({ username: "zhang.wei", displayName: "张伟", email: "zhang.wei@example.com", ...overrides });
const events = () =>
  db.outboxEvent.findMany({ orderBy: { id: "asc" }, select: { objectType: true, objectId: true, operation: true } });

describe("directory mutations write one outbox event per changed object, in the same transaction", () => {
  it("account create, update, membership change, disable and delete", async () => {
    const root = await createOu({
      db,
      actor,
      input: { name: "Acme", parentId: null, externalId: null, description: null },
    });
    const sales = await createOu({
      db,
      actor,
      input: { name: "Sales", parentId: root.id, externalId: null, description: null },
    });
    await db.outboxEvent.deleteMany();

    const a = await createAccount({ db, actor, account: account({ ouIds: [root.id], primaryOuId: root.id }) });
    expect(await events()).toEqual([{ objectType: "user", objectId: a.id, operation: "create" }]);
    await db.outboxEvent.deleteMany();

    await updateAccount({
      db,
      actor,
      id: a.id,
      account: account({ displayName: "张伟 (Sales)", ouIds: [root.id], primaryOuId: root.id }),
    });
    await updateAccount({ db, actor, id: a.id, account: account({ ouIds: [sales.id], primaryOuId: sales.id }) });
    expect((await events()).map((e) => e.operation)).toEqual(["update", "membership"]);
    await db.outboxEvent.deleteMany();

    await setAccountsStatus({ db, actor, ids: [a.id], status: "disabled" });
    await setAccountsStatus({ db, actor, ids: [a.id], status: "disabled" }); // no change, no event
    await deleteAccounts({ db, actor, ids: [a.id] });
    expect((await events()).map((e) => e.operation)).toEqual(["update", "delete"]);
  });

  it("a failure mid-transaction leaves neither the change nor the event", async () => {
    await expect(
      createAccount({ db, actor, account: account({ ouIds: ["missing-ou"], primaryOuId: "missing-ou" }) }),
    ).rejects.toMatchObject({ code: "validation.unknownOu" });
    await createAccount({ db, actor, account: account() });
    await db.outboxEvent.deleteMany();
    // The second insert fails on the unique username after nothing else changed.
    await expect(createAccount({ db, actor, account: account({ displayName: "dup" }) })).rejects.toMatchObject({
      code: "validation.usernameTaken",
      fieldErrors: { username: [{ code: "validation.usernameTaken" }] },
    });
    expect(await db.account.count()).toBe(1);
    expect(await events()).toEqual([]);
  });

  it("rolls back the OU and its event together when the audit write fails", async () => {
    const root = await createOu({
      db,
      actor,
      input: { name: "Acme", parentId: null, externalId: null, description: null },
    });
    await db.outboxEvent.deleteMany();
    // An actor id that references no admin breaks the audit insert (foreign key) after the OU insert.
    const ghost = { id: "no-such-admin", email: "ghost@example.com" };
    await expect(
      createOu({ db, actor: ghost, input: { name: "Ghost", parentId: root.id, externalId: null, description: null } }),
    ).rejects.toThrow();
    expect(await db.organizationalUnit.count({ where: { name: "Ghost" } })).toBe(0);
    expect(await events()).toEqual([]);
  });

  it("OU rename, move, reorder and delete with members moved to the parent", async () => {
    const root = await createOu({
      db,
      actor,
      input: { name: "Acme", parentId: null, externalId: null, description: null },
    });
    const a = await createOu({
      db,
      actor,
      input: { name: "A", parentId: root.id, externalId: null, description: null },
    });
    const b = await createOu({
      db,
      actor,
      input: { name: "B", parentId: root.id, externalId: null, description: null },
    });
    const child = await createOu({
      db,
      actor,
      input: { name: "Child", parentId: a.id, externalId: null, description: null },
    });
    const member = await createAccount({ db, actor, account: account({ ouIds: [child.id], primaryOuId: child.id }) });
    await db.outboxEvent.deleteMany();

    await updateOu({ db, actor, input: { id: a.id, name: "A2", externalId: null, description: null } });
    await moveOu({ db, actor, id: child.id, parentId: b.id });
    expect(await events()).toEqual([
      { objectType: "organization", objectId: a.id, operation: "update" },
      { objectType: "organization", objectId: child.id, operation: "move" },
    ]);
    await db.outboxEvent.deleteMany();

    await reorderOu({ db, actor, id: b.id, direction: "up" });
    const order = await db.organizationalUnit.findMany({
      where: { parentId: root.id },
      orderBy: { order: "asc" },
      select: { name: true },
    });
    expect(order.map((o) => o.name)).toEqual(["B", "A2"]);
    expect((await events()).map((e) => e.objectId).sort()).toEqual([a.id, b.id].sort());
    await db.outboxEvent.deleteMany();

    await expect(deleteOu({ db, actor, id: child.id, moveMembersToParent: false })).rejects.toMatchObject({
      code: "errors.ouHasMembers",
    });
    await expect(deleteOu({ db, actor, id: b.id, moveMembersToParent: true })).rejects.toMatchObject({
      code: "errors.ouHasChildren",
    });
    await deleteOu({ db, actor, id: child.id, moveMembersToParent: true });
    expect(
      await db.membership.findMany({ where: { accountId: member.id }, select: { ouId: true, isPrimary: true } }),
    ).toEqual([{ ouId: b.id, isPrimary: true }]);
    expect(await events()).toEqual([
      { objectType: "user", objectId: member.id, operation: "membership" },
      { objectType: "organization", objectId: child.id, operation: "delete" },
    ]);
  });

  it("refuses to move an OU under its own descendant, or to clash with a sibling's name", async () => {
    const root = await createOu({
      db,
      actor,
      input: { name: "Acme", parentId: null, externalId: null, description: null },
    });
    const a = await createOu({
      db,
      actor,
      input: { name: "A", parentId: root.id, externalId: null, description: null },
    });
    const child = await createOu({
      db,
      actor,
      input: { name: "Child", parentId: a.id, externalId: null, description: null },
    });
    const grandChild = await createOu({
      db,
      actor,
      input: { name: "Grand", parentId: child.id, externalId: null, description: null },
    });
    await db.outboxEvent.deleteMany();
    await expect(moveOu({ db, actor, id: a.id, parentId: grandChild.id })).rejects.toMatchObject({
      code: "errors.moveUnderItself",
    });
    await expect(moveOu({ db, actor, id: a.id, parentId: a.id })).rejects.toMatchObject({
      code: "errors.moveUnderItself",
    });
    await expect(
      createOu({ db, actor, input: { name: "A", parentId: root.id, externalId: null, description: null } }),
    ).rejects.toMatchObject({ code: "validation.ouNameTaken" });
    expect(await events()).toEqual([]);
    expect((await db.organizationalUnit.findUniqueOrThrow({ where: { id: a.id } })).parentId).toBe(root.id);
  });
});
