// unionId -> userid (DingTalk, through the sandbox) -> binding -> account (a real migrated SQLite file).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DingTalkClient } from "@/lib/dingtalk";
import { TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { resolveBoundAccount, resolveUnionId } from "./resolve-account";

let db: Db;
let cleanup: () => Promise<void>;
let sb: TestSandbox;
let client: DingTalkClient;
let idpId: string;
const unionIds: Record<string, string> = {};

async function account(username: string, status = "enabled") {
  return db.account.create({
    data: { username, displayName: `Name ${username}`, email: `${username}@example.com`, status },
  });
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  sb = await TestSandbox.start();
  const corp = await sb.corp();
  client = sb.client(corp);
  const idp = await db.identityProvider.create({
    data: {
      displayName: "Test",
      corpId: corp.corpId,
      appKey: corp.appKey,
      appSecretEncrypted: "unused",
      status: "enabled",
    },
  });
  idpId = idp.id;
  const [ann, bob, cat] = [await account("ann"), await account("bob", "disabled"), await account("cat")];
  await db.admin.create({
    data: { email: "cat.admin@example.com", name: "Cat Admin", passwordHash: "x", linkedAccountId: cat.id },
  });
  const bound: [string, string][] = [
    ["dt-ann", ann.id],
    ["dt-bob", bob.id],
    ["dt-cat", cat.id],
    ["dt-gone", "no-such-account"],
  ];
  for (const [userid, localId] of bound) {
    unionIds[userid] = (await client.createUser({ userid, name: userid, deptIdList: [1] })).unionId ?? "";
    await db.binding.create({ data: { idpId, objectType: "user", localId, remoteId: userid } });
  }
  unionIds["dt-stranger"] =
    (await client.createUser({ userid: "dt-stranger", name: "Stranger", deptIdList: [1] })).unionId ?? "";
});

afterAll(async () => {
  await sb.close();
  await cleanup();
});

describe("unionId -> userid -> account", () => {
  it("finds the bound account: a portal identity", async () => {
    const ann = await db.account.findUniqueOrThrow({ where: { username: "ann" } });
    expect(await resolveUnionId(db, client, { idpId, unionId: unionIds["dt-ann"] })).toEqual({
      kind: "account",
      subjectId: ann.id,
      accountId: ann.id,
      name: "Name ann",
      email: "ann@example.com",
      idpId,
      userid: "dt-ann",
    });
  });

  it("an account linked to an administrator signs in as that administrator", async () => {
    const admin = await db.admin.findUniqueOrThrow({ where: { email: "cat.admin@example.com" } });
    expect(await resolveUnionId(db, client, { idpId, unionId: unionIds["dt-cat"] })).toMatchObject({
      kind: "admin",
      subjectId: admin.id,
      accountId: admin.linkedAccountId,
      email: "cat.admin@example.com",
      userid: "dt-cat",
    });
  });

  it.each([
    ["a DingTalk user without a binding", "dt-stranger", "unbound"],
    ["a binding whose account was deleted", "dt-gone", "unbound"],
    ["a disabled account", "dt-bob", "account_disabled"],
  ])("refuses %s", async (_name, userid, code) => {
    await expect(resolveUnionId(db, client, { idpId, unionId: unionIds[userid] })).rejects.toMatchObject({
      name: "SsoRefusal",
      code,
    });
  });

  it("refuses a unionId DingTalk does not know (60121) as unbound", async () => {
    await expect(resolveUnionId(db, client, { idpId, unionId: "union-nobody" })).rejects.toMatchObject({
      code: "unbound",
    });
  });

  it("a binding of another IdP does not count", async () => {
    await expect(resolveBoundAccount(db, { idpId: "another-idp", userid: "dt-ann" })).rejects.toMatchObject({
      code: "unbound",
    });
  });

  it("other failures: DingTalk's named with their catalogue key, anything else as failed", async () => {
    const noPermission = sb.client(await sb.corp({ scopes: [] }));
    await expect(resolveUnionId(db, noPermission, { idpId, unionId: unionIds["dt-ann"] })).rejects.toMatchObject({
      code: "dingtalk_error",
      dingtalkKey: "e60011",
    });
    const broken = { getUseridByUnionid: () => Promise.reject(new Error("socket hang up")) };
    await expect(resolveUnionId(db, broken, { idpId, unionId: "u" })).rejects.toMatchObject({ code: "failed" });
  });
});
