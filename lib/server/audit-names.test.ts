import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit, type AuditActor } from "./audit";
import { describeAuditEntries } from "./audit-names";
import type { Db } from "./prisma-client";
import { createTestDb } from "./test-db";

/** The db, counting the queries each model answers. */
function counting(db: Db): { db: Db; queries: () => number } {
  let count = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (!value || typeof value !== "object" || !("findMany" in value)) return value;
      return new Proxy(value, {
        get(model, method, r) {
          const fn = Reflect.get(model, method, r) as unknown;
          if (typeof fn !== "function") return fn;
          return (...args: unknown[]) => {
            count += 1;
            return (fn as (...a: unknown[]) => unknown).apply(model, args);
          };
        },
      });
    },
  });
  return { db: proxy, queries: () => count };
}

describe("audit entry names", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ db, cleanup } = await createTestDb()));
  afterAll(async () => cleanup());

  it("names each entry's objects in one query per kind, and objects since deleted by what the entry kept", async () => {
    const admin = await db.admin.create({ data: { email: "admin@example.com", name: "Admin", passwordHash: "h" } });
    const actor: AuditActor = { id: admin.id, email: admin.email };
    const idp = await db.identityProvider.create({
      data: { displayName: "Acme DingTalk", corpId: "ding-names", appKey: "k", appSecretEncrypted: "x" },
    });
    const account = await db.account.create({ data: { username: "zhang.wei", displayName: "张伟" } });
    const parent = await db.organizationalUnit.create({ data: { name: "Asia" } });
    const ou = await db.organizationalUnit.create({ data: { name: "Sales", parentId: parent.id } });
    const field = await db.customFieldDefinition.create({ data: { id: "work_place", displayName: "Work place" } });
    const run = await db.syncRun.create({ data: { idpId: idp.id, kind: "full", trigger: "manual" } });
    await db.syncFailure.create({
      data: {
        idpId: idp.id,
        objectType: "user",
        localId: account.id,
        displayName: "张伟",
        runId: run.id,
        reason: JSON.stringify({
          code: "clash_with_user",
          params: { field: "mobile", userid: "dt0001", name: "Zhang Wei", departments: null },
        }),
      },
    });

    const write = (entry: Omit<Parameters<typeof writeAudit>[1], "actor">) => writeAudit(db, { actor, ...entry });
    await write({ action: "account.create", targetType: "account", targetId: account.id });
    await write({ action: "account.update", targetType: "account", targetId: "gone", details: { username: "li.na" } });
    await write({ action: "account.delete", targetType: "account", details: { count: 2, usernames: ["a", "b"] } });
    await write({ action: "account.disable", targetType: "account", details: { count: 2, ids: [account.id, "gone"] } });
    await write({
      action: "idp.conflict.link",
      targetType: "account",
      targetId: account.id,
      details: { idpId: idp.id, account: "张伟", username: "zhang.wei", userid: "dt0001" },
    });
    await write({ action: "sync.cancel", targetType: "sync_run", targetId: run.id });
    await write({
      action: "idp.delete",
      targetType: "idp",
      targetId: "idp-gone",
      details: { displayName: "Old corp" },
    });
    await write({ action: "sync.plan", targetType: "idp", targetId: "idp-gone-too" });
    await write({ action: "ou.move", targetType: "ou", targetId: ou.id, details: { from: null, to: parent.id } });
    await write({ action: "ou.delete", targetType: "ou", targetId: "ou-gone", details: { name: "Old team" } });
    await write({ action: "custom_field.update", targetType: "custom_field", targetId: field.id });
    await write({ action: "custom_field.delete", targetType: "custom_field", targetId: "badge_no" });
    await write({ action: "auth.sign_in" });

    const rows = await db.auditLog.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const { db: probe, queries } = counting(db);
    const views = await describeAuditEntries(probe, rows);
    const names = Object.fromEntries(views.map((v) => [`${v.action} ${v.targetId ?? ""}`.trim(), v.names]));

    expect(names[`account.create ${account.id}`]).toEqual({ account: "张伟" });
    expect(names["account.update gone"]).toEqual({ account: "li.na" });
    expect(names["account.delete"]).toEqual({ accounts: ["a", "b"] });
    expect(names["account.disable"]).toEqual({ accounts: ["张伟"] });
    expect(names[`idp.conflict.link ${account.id}`]).toEqual({
      idp: "Acme DingTalk",
      account: "张伟",
      dingtalkUser: "Zhang Wei",
    });
    expect(names[`sync.cancel ${run.id}`]).toEqual({ idp: "Acme DingTalk" });
    expect(names["idp.delete idp-gone"]).toEqual({ idp: "Old corp" });
    expect(names["sync.plan idp-gone-too"]).toEqual({ idp: null });
    expect(names[`ou.move ${ou.id}`]).toEqual({ ou: "Sales", fromOu: "", toOu: "Asia" });
    expect(names["ou.delete ou-gone"]).toEqual({ ou: "Old team" });
    expect(names[`custom_field.update ${field.id}`]).toEqual({ field: "Work place" });
    expect(names["custom_field.delete badge_no"]).toEqual({ field: "badge_no" });
    expect(names["auth.sign_in"]).toEqual({});
    expect(views.find((v) => v.action === "auth.sign_in")).toMatchObject({ actor: "admin@example.com", details: {} });

    // A page of many entries costs the same queries as a page of a few.
    const few = queries();
    const { db: probeMany, queries: manyQueries } = counting(db);
    await describeAuditEntries(probeMany, [...rows, ...rows, ...rows, ...rows]);
    expect(manyQueries()).toBe(few);
    expect(few).toBeLessThanOrEqual(8);
  });
});
