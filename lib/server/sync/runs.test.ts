import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import { seedDemoDirectory } from "@/prisma/seed-demo";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { MAX_AUTOMATIC_ATTEMPTS, nextRetryAt } from "./prisma-store";
import { startSyncRun, waitForRun } from "./runs";
import { createSandboxIdp } from "./sandbox-idp";

type SandboxState = {
  departments: { dept_id: number; name: string; parent_id?: number }[];
  users: { userid: string; name: string; title?: string; email?: string; dept_id_list: number[] }[];
};

let db: Db;
let cleanup: () => Promise<void>;
let sandbox: TestSandbox;
let corp: TestCorp;
let idpId: string;

const state = () => sandbox.admin<SandboxState>("GET", `/_sandbox/state?corpId=${corp.corpId}`);
const writeCalls = async () => {
  const calls = await sandbox.admin<Record<string, unknown>>("GET", `/_sandbox/calls?corpId=${corp.corpId}`);
  return Object.entries(flatten(calls))
    .filter(([k]) => /(create|update|delete)/.test(k))
    .reduce((n, [, v]) => n + v, 0);
};
function flatten(value: unknown, prefix = ""): Record<string, number> {
  if (typeof value === "number") return { [prefix]: value };
  if (!value || typeof value !== "object") return {};
  return Object.assign({}, ...Object.entries(value).map(([k, v]) => flatten(v, `${prefix}/${k}`)));
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  await seedDemoDirectory(db);
  sandbox = await TestSandbox.start();
  corp = await sandbox.corp();
  const root = await db.organizationalUnit.findFirstOrThrow({ where: { parentId: null } });
  idpId = await createSandboxIdp(db, { sandboxUrl: sandbox.url, app: corp, sourceOuIds: [root.id] });
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  await cleanup?.();
});

describe("sync runs against the sandbox", { timeout: 180_000 }, () => {
  it("a full sync creates the department tree and the users, then a re-sync writes nothing", async () => {
    const run = await waitForRun(
      db,
      (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id,
    );
    expect(run.error).toBeNull();
    expect(run.status).toBe("succeeded");
    const ous = await db.organizationalUnit.count();
    // Disabled accounts are not created (they follow the deprovisioning policy once bound).
    const accounts = await db.account.count({ where: { status: { not: "disabled" } } });
    expect(accounts).toBeLessThan(await db.account.count());
    expect(run.created).toBe(ous - 1 + accounts);
    const dingtalk = await state();
    expect(dingtalk.departments.filter((d) => d.dept_id !== 1)).toHaveLength(ous - 1);
    expect(dingtalk.users).toHaveLength(accounts);
    const tanaka = dingtalk.users.find((u) => u.userid === "tanaka.yuki")!;
    const tokyo = dingtalk.departments.find((d) => d.name === "Tokyo Office")!;
    expect(tanaka).toMatchObject({ name: "田中 由紀" });
    expect(tanaka.dept_id_list).toEqual([tokyo.dept_id]);
    expect(dingtalk.users.find((u) => u.userid === "long.title")!.title!.length).toBe(200);
    expect(await db.binding.count({ where: { idpId } })).toBe(ous - 1 + accounts);
    expect((await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).lastFullSyncAt).not.toBeNull();

    const writesBefore = await writeCalls();
    const again = await waitForRun(
      db,
      (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id,
    );
    expect(again).toMatchObject({ status: "succeeded", total: 0, created: 0, updated: 0, deleted: 0, failed: 0 });
    expect(await writeCalls()).toBe(writesBefore);
  });

  it("a changed account is exactly one update; a dry run plans it and writes nothing", async () => {
    await db.account.update({ where: { username: "li.na" }, data: { jobTitle: "Head of Sales" } });
    const writesBefore = await writeCalls();
    const dry = await waitForRun(
      db,
      (await startSyncRun({ db, idpId, mode: "dry_run", trigger: "manual", actor: "system" })).id,
    );
    expect(dry).toMatchObject({ status: "succeeded", total: 1, updated: 0 });
    const planned = await db.syncRecord.findMany({ where: { runId: dry.id } });
    expect(planned.map((r) => [r.displayName, r.status, JSON.parse(r.diff)])).toEqual([
      ["李娜", "planned", [{ field: "title", before: expect.any(String), after: "Head of Sales" }]],
    ]);
    expect(await writeCalls()).toBe(writesBefore);

    const run = await waitForRun(
      db,
      (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id,
    );
    expect(run).toMatchObject({ status: "succeeded", total: 1, updated: 1 });
    expect(await writeCalls()).toBe(writesBefore + 1);
    expect((await state()).users.find((u) => u.userid === "li.na")!.title).toBe("Head of Sales");
  });

  it("refuses a second full run while one is in progress", async () => {
    const first = await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" });
    await expect(startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).rejects.toMatchObject({
      code: "errors.runInProgress",
    });
    await waitForRun(db, first.id);
  });

  it("a run whose audit entry cannot be written is not left queued: the next run starts", async () => {
    const runs = await db.syncRun.count({ where: { idpId } });
    // An actor id no administrator has (the audit entry's foreign key refuses it).
    const gone = { id: "no-such-admin", email: "gone@example.com" };
    for (const mode of ["full", "dry_run"] as const)
      await expect(startSyncRun({ db, idpId, mode, trigger: "manual", actor: gone })).rejects.toThrow();
    expect(await db.syncRun.count({ where: { idpId } })).toBe(runs);
    const next = await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" });
    expect(await waitForRun(db, next.id)).toMatchObject({ status: "succeeded" });
  });
});

describe("incremental sync", { timeout: 180_000 }, () => {
  it("is refused before a full sync, then applies exactly the changed objects once and moves its cursor", async () => {
    const { runIncrementalTick } = await import("./incremental");
    await db.identityProvider.update({ where: { id: idpId }, data: { incrementalSync: true } });
    // Every event so far is behind the cursor that the full sync set.
    const before = await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } });
    expect(before.outboxCursor).toBe((await db.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0);
    expect(await runIncrementalTick(db)).toEqual([]);

    const wang = await db.account.findUniqueOrThrow({ where: { username: "wang.fang" } });
    await db.$transaction([
      db.account.update({ where: { id: wang.id }, data: { jobTitle: "Incremental 1" } }),
      db.outboxEvent.create({ data: { objectType: "user", objectId: wang.id, operation: "update" } }),
      db.account.update({ where: { id: wang.id }, data: { jobTitle: "Incremental 2" } }),
      db.outboxEvent.create({ data: { objectType: "user", objectId: wang.id, operation: "update" } }),
    ]);
    const writesBefore = await writeCalls();
    const results = await runIncrementalTick(db);
    expect(results).toEqual([expect.objectContaining({ idpId, events: 2, status: "succeeded" })]);
    // Two events for one object coalesce into one write.
    expect(await writeCalls()).toBe(writesBefore + 1);
    expect((await state()).users.find((u) => u.userid === "wang.fang")!.title).toBe("Incremental 2");
    expect(await runIncrementalTick(db)).toEqual([]);

    // A second worker cannot take an IdP whose lease another owner holds.
    await db.identityProvider.update({
      where: { id: idpId },
      data: { workerLeaseOwner: "other", workerLeaseUntil: new Date(Date.now() + 60_000) },
    });
    await db.outboxEvent.create({ data: { objectType: "user", objectId: wang.id, operation: "update" } });
    expect(await runIncrementalTick(db, { owner: "me" })).toEqual([]);
    await db.identityProvider.update({ where: { id: idpId }, data: { workerLeaseUntil: new Date(Date.now() - 1) } });
    expect(await runIncrementalTick(db, { owner: "me" })).toEqual([
      expect.objectContaining({ events: 1, status: "succeeded" }),
    ]);
  });

  it("keeps a failed object on the IdP until a write succeeds, and retries the due ones by itself", async () => {
    const { runIncrementalTick } = await import("./incremental");
    await db.identityProvider.update({
      where: { id: idpId },
      data: { workerLeaseOwner: null, workerLeaseUntil: null },
    });
    const wang = await db.account.findUniqueOrThrow({ where: { username: "wang.fang" } });
    const change = (email: string) =>
      db.$transaction([
        db.account.update({ where: { id: wang.id }, data: { email } }),
        db.outboxEvent.create({ data: { objectType: "user", objectId: wang.id, operation: "update" } }),
      ]);
    // An e-mail DingTalk would refuse (over 50 characters): refused, kept, not retried by itself.
    await change(`${"x".repeat(60)}@example.com`);
    expect(await runIncrementalTick(db)).toEqual([expect.objectContaining({ status: "failed" })]);
    const failure = await db.syncFailure.findFirstOrThrow({ where: { idpId, localId: wang.id } });
    expect(failure).toMatchObject({ objectType: "user", attempts: 1, nextRetryAt: null });
    expect(JSON.parse(failure.reason ?? "{}")).toMatchObject({
      code: "refused",
      params: { field: "email", problem: "too_long" },
    });

    // Fixed in the directory: the next event's write succeeds and the failure is gone.
    await change("wang.fang@example.com");
    expect(await runIncrementalTick(db)).toEqual([expect.objectContaining({ status: "succeeded" })]);
    expect(await db.syncFailure.count({ where: { idpId } })).toBe(0);
    expect((await state()).users.find((u) => u.userid === "wang.fang")!.email).toBe("wang.fang@example.com");

    // A failure whose retry is due is tried again without any new event; in step again -> cleared.
    await sandbox.client(corp).updateUser({ userid: "wang.fang", title: "Changed in DingTalk" });
    const run = await db.syncRun.findFirstOrThrow({ where: { idpId } });
    await db.syncFailure.create({
      data: {
        idpId,
        objectType: "user",
        localId: wang.id,
        displayName: "王芳",
        errcode: -1,
        reason: JSON.stringify({ code: "dingtalk_transient" }),
        runId: run.id,
        nextRetryAt: new Date(Date.now() - 1),
      },
    });
    expect(await runIncrementalTick(db)).toEqual([expect.objectContaining({ events: 0, status: "succeeded" })]);
    expect((await state()).users.find((u) => u.userid === "wang.fang")!.title).toBe("Incremental 2");
    expect(await db.syncFailure.count({ where: { idpId } })).toBe(0);
  });
});

describe("incremental sync retries", { timeout: 180_000 }, () => {
  it("a due retry that a run neither wrote nor cleared is left to a person, not retried every tick", async () => {
    const { runIncrementalTick } = await import("./incremental");
    const wang = await db.account.findUniqueOrThrow({ where: { username: "wang.fang" } });
    const li = await db.account.findUniqueOrThrow({ where: { username: "li.na" } });
    const run = await db.syncRun.findFirstOrThrow({ where: { idpId } });
    await db.syncFailure.create({
      data: {
        idpId,
        objectType: "user",
        localId: wang.id,
        displayName: "王芳",
        reason: JSON.stringify({ code: "dingtalk_network" }),
        runId: run.id,
        nextRetryAt: new Date(Date.now() - 1),
      },
    });
    // The same run refuses another object, so it ends "failed" and clears nothing.
    await db.$transaction([
      db.account.update({ where: { id: li.id }, data: { email: `${"y".repeat(60)}@example.com` } }),
      db.outboxEvent.create({ data: { objectType: "user", objectId: li.id, operation: "update" } }),
    ]);
    expect(await runIncrementalTick(db)).toEqual([expect.objectContaining({ events: 1, status: "failed" })]);
    expect(await db.syncFailure.findFirstOrThrow({ where: { idpId, localId: wang.id } })).toMatchObject({
      nextRetryAt: null,
    });
    expect(await runIncrementalTick(db)).toEqual([]);

    await db.$transaction([
      db.account.update({ where: { id: li.id }, data: { email: "li.na@example.com" } }),
      db.outboxEvent.create({ data: { objectType: "user", objectId: li.id, operation: "update" } }),
    ]);
    expect(await runIncrementalTick(db)).toEqual([expect.objectContaining({ status: "succeeded" })]);
    expect(await db.syncFailure.count({ where: { idpId, localId: li.id } })).toBe(0);
  });
});

describe("automatic retries of failed objects", () => {
  it("back off for causes that may pass, and stop after the last attempt or for a refusal", () => {
    const now = 1_000_000;
    expect(nextRetryAt(1, "dingtalk_throttled", now)?.getTime()).toBe(now + 10_000);
    expect(nextRetryAt(2, "dingtalk_network", now)?.getTime()).toBe(now + 20_000);
    expect(nextRetryAt(MAX_AUTOMATIC_ATTEMPTS, "dingtalk_transient", now)).toBeNull();
    expect(nextRetryAt(1, "dingtalk_invalid", now)).toBeNull();
    expect(nextRetryAt(1, "refused", now)).toBeNull();
  });
});
