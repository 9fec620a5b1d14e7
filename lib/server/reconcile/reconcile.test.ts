// Reconciliation against the sandbox: DingTalk changed through its own API behind the console's back
// (rename, delete, move, add) is reported exactly; "repair" restores the console's objects and leaves
// the unknown user alone; the schedule fires once after missed slots, and once among racing workers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DingTalkClient } from "@/lib/dingtalk";
import type { TestCorp, TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import type { Db } from "../prisma-client";
import { startDemoSandboxIdp, type DemoSandboxFixture } from "../sync/demo-sandbox-fixture";
import { startSyncRun, waitForRun } from "../sync/runs";
import { loadDriftSection } from "./drift-page";
import { claimReconcileLease, handBackReconciliations, startReconciliation } from "./reconcile";
import { repairDrift } from "./repair";
import { runReconcileTick } from "./tick";

type SandboxUser = { userid: string; name: string; dept_id_list: number[] };
type SandboxDept = { dept_id: number; name: string; parent_id: number };

let fixture: DemoSandboxFixture | undefined;
let db: Db;
let sandbox: TestSandbox;
let corp: TestCorp;
let idpId: string;
let dingtalk: DingTalkClient;

const state = () =>
  sandbox.admin<{ users: SandboxUser[]; departments: SandboxDept[] }>("GET", `/_sandbox/state?corpId=${corp.corpId}`);

async function reconcileNow() {
  const { id, done } = await startReconciliation({ db, idpId, trigger: "manual", actor: "system" });
  await done;
  return db.reconciliation.findUniqueOrThrow({ where: { id }, include: { items: true } });
}

beforeAll(async () => {
  fixture = await startDemoSandboxIdp();
  ({ db, sandbox, corp, idpId } = fixture);
  dingtalk = sandbox.client(corp);
  const run = await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" });
  const done = await waitForRun(db, run.id);
  expect(["succeeded", "partially_succeeded"]).toContain(done.status);
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});

describe("reconciliation", { timeout: 120_000 }, () => {
  let renamed: SandboxUser;
  let deleted: SandboxUser;
  let moved: SandboxUser;
  let movedFrom: number[];
  let dept: SandboxDept;
  const unknown = { userid: "someone-else", name: "Someone Else" };

  it("finds nothing right after a full sync", async () => {
    const result = await reconcileNow();
    expect(result.status).toBe("succeeded");
    expect(result.items.filter((i) => i.kind !== "unknown")).toEqual([]);
  });

  it("reports exactly what was changed in DingTalk: renamed, deleted, moved, unknown", async () => {
    const bindings = await db.binding.findMany({ where: { idpId } });
    const boundUsers = new Set(bindings.filter((b) => b.objectType === "user").map((b) => b.remoteId));
    const boundDepts = new Set(bindings.filter((b) => b.objectType === "organization").map((b) => Number(b.remoteId)));
    const before = await state();
    const users = before.users.filter((u) => boundUsers.has(u.userid) && u.dept_id_list.length === 1);
    [renamed, deleted, moved] = users;
    movedFrom = moved.dept_id_list;
    dept = before.departments.find((d) => boundDepts.has(d.dept_id) && !movedFrom.includes(d.dept_id))!;
    const otherDept = before.departments.find(
      (d) => boundDepts.has(d.dept_id) && !movedFrom.includes(d.dept_id) && d.dept_id !== dept.dept_id,
    )!;
    const fromName = before.departments.find((d) => d.dept_id === movedFrom[0])!.name;
    await dingtalk.updateUser({ userid: renamed.userid, name: `${renamed.name} (edited)` });
    await dingtalk.deleteUser(deleted.userid);
    await dingtalk.updateUser({ userid: moved.userid, deptIdList: [otherDept.dept_id] });
    await dingtalk.updateDepartment({ deptId: dept.dept_id, name: `${dept.name} (edited)` });
    await dingtalk.createUser({ ...unknown, deptIdList: [dept.dept_id] });

    const result = await reconcileNow();
    const found = result.items.map((i) => [i.kind, i.objectType, i.remoteId]).sort();
    expect(found).toEqual(
      [
        ["changed", "user", renamed.userid],
        ["deleted", "user", deleted.userid],
        ["moved", "user", moved.userid],
        ["changed", "organization", String(dept.dept_id)],
        ["unknown", "user", unknown.userid],
      ].sort(),
    );
    const rename = result.items.find((i) => i.remoteId === renamed.userid)!;
    expect(JSON.parse(rename.diff)).toEqual([
      { field: "name", before: `${renamed.name} (edited)`, after: renamed.name },
    ]);
    expect(rename.directoryChanged).toBe(false);
    // Departments by name, never by id.
    const move = JSON.parse(result.items.find((i) => i.remoteId === moved.userid)!.diff) as unknown;
    expect(move).toEqual([{ field: "dept_id_list", before: otherDept.name, after: fromName }]);
    expect(JSON.parse(result.counts)).toEqual({ changed: 2, deleted: 1, moved: 1, unknown: 1 });
    expect(result.readCalls).toBeGreaterThan(0);
  });

  it("repair restores the console's objects and leaves the unknown user alone", async () => {
    await db.identityProvider.update({ where: { id: idpId }, data: { driftPolicy: "repair" } });
    const result = await reconcileNow();
    expect(result.repairRunId).toBeTruthy();
    const run = await waitForRun(db, result.repairRunId!);
    expect(run.status).toBe("succeeded");
    const after = await state();
    const user = (userid: string) => after.users.find((u) => u.userid === userid);
    expect(user(renamed.userid)?.name).toBe(renamed.name);
    expect(user(deleted.userid)?.name).toBe(deleted.name);
    expect(user(moved.userid)?.dept_id_list).toEqual(movedFrom);
    expect(after.departments.find((d) => d.dept_id === dept.dept_id)?.name).toBe(dept.name);
    expect(user(unknown.userid)).toMatchObject({ name: unknown.name, dept_id_list: [dept.dept_id] });
    await db.identityProvider.update({ where: { id: idpId }, data: { driftPolicy: "report" } });
    const again = await reconcileNow();
    expect(again.items.map((i) => [i.kind, i.remoteId])).toEqual([["unknown", unknown.userid]]);
    // Repair now of that list refuses: nothing the console owns is listed.
    await expect(
      repairDrift({ db, reconciliationId: again.id, actor: "system", trigger: "manual" }),
    ).rejects.toMatchObject({ code: "errors.nothingToRepair" });
  });
});

describe("repair writes DingTalk's drift only", { timeout: 120_000 }, () => {
  const boundUsers = async () => {
    const bindings = await db.binding.findMany({ where: { idpId, objectType: "user" } });
    const byRemote = new Map(bindings.map((b) => [b.remoteId, b.localId]));
    const { users } = await state();
    return users.filter((u) => byRemote.has(u.userid)).map((u) => ({ ...u, accountId: byRemote.get(u.userid)! }));
  };

  it("never writes a console change nobody approved, only what DingTalk changed", async () => {
    const [renamed, edited] = await boundUsers();
    const account = await db.account.findUniqueOrThrow({ where: { id: edited.accountId } });
    await dingtalk.updateUser({ userid: renamed.userid, name: `${renamed.name} (edited)` });
    // Edited in the console and not synced yet: pending work that waits for a sync, not drift.
    await db.account.update({ where: { id: account.id }, data: { displayName: `${account.displayName} (console)` } });
    try {
      await db.identityProvider.update({ where: { id: idpId }, data: { driftPolicy: "repair" } });
      const result = await reconcileNow();
      expect(result.items.filter((i) => i.kind !== "unknown").map((i) => [i.kind, i.remoteId])).toEqual([
        ["changed", renamed.userid],
      ]);
      const run = await waitForRun(db, result.repairRunId!);
      expect(run.status).toBe("succeeded");
      expect(run.total).toBe(1);
      const after = await state();
      expect(after.users.find((u) => u.userid === renamed.userid)?.name).toBe(renamed.name);
      expect(after.users.find((u) => u.userid === edited.userid)?.name).toBe(edited.name);
    } finally {
      await db.account.update({ where: { id: account.id }, data: { displayName: account.displayName } });
      await db.identityProvider.update({ where: { id: idpId }, data: { driftPolicy: "report" } });
    }
  });

  it("Repair now refuses an older list, the unknown filter, and a disabled or unfinished IdP", async () => {
    const [renamed] = await boundUsers();
    await dingtalk.updateUser({ userid: renamed.userid, name: `${renamed.name} (again)` });
    const older = await reconcileNow();
    const latest = await reconcileNow();
    expect(latest.items.some((i) => i.kind === "changed" && i.remoteId === renamed.userid)).toBe(true);
    const repair = (id: string, kinds?: ("changed" | "unknown")[]) =>
      repairDrift({ db, reconciliationId: id, actor: "system", trigger: "manual", kinds });
    await expect(repair(older.id)).rejects.toMatchObject({ code: "errors.reconciliationNotFound" });
    // "unknown" is a filter like any other, never "every kind".
    await expect(repair(latest.id, ["unknown"])).rejects.toMatchObject({ code: "errors.nothingToRepair" });
    for (const [status, code] of [
      ["disabled", "errors.idpDisabled"],
      ["draft", "errors.wizardIncomplete"],
    ]) {
      await db.identityProvider.update({ where: { id: idpId }, data: { status } });
      await expect(repair(latest.id)).rejects.toMatchObject({ code });
    }
    await db.identityProvider.update({ where: { id: idpId }, data: { status: "enabled" } });
    const run = await waitForRun(db, (await repair(latest.id, ["changed"])).id);
    expect(run.status).toBe("succeeded");
    expect((await state()).users.find((u) => u.userid === renamed.userid)?.name).toBe(renamed.name);
  });
});

describe("a reconciliation whose process stopped", { timeout: 120_000 }, () => {
  const lease = (until: Date | null) =>
    db.identityProvider.update({
      where: { id: idpId },
      data: { reconcileLeaseOwner: until ? "a-stopped-process" : null, reconcileLeaseUntil: until },
    });

  it("shows as failed, interrupted, once the lease expired, and no longer as running", async () => {
    const stuck = await db.reconciliation.create({ data: { idpId, trigger: "manual", triggeredBy: "system" } });
    await lease(new Date(Date.now() + 60_000));
    // Still leased: another process may be reading.
    expect((await loadDriftSection(db, idpId)).last).toMatchObject({ id: stuck.id, status: "running" });
    await lease(new Date(Date.now() - 1000));
    const { last } = await loadDriftSection(db, idpId);
    expect(last).toMatchObject({ id: stuck.id, status: "failed", error: { code: "interrupted" } });
    expect(last?.finishedAt).toBeTruthy();
    await lease(null);
  });

  it("is closed when the next reconciliation starts", async () => {
    const stuck = await db.reconciliation.create({ data: { idpId, trigger: "schedule", triggeredBy: "system" } });
    await lease(new Date(Date.now() - 1000));
    const { done } = await startReconciliation({ db, idpId, trigger: "manual", actor: "system" });
    await done;
    expect(await db.reconciliation.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({
      status: "failed",
    });
  });

  it("handed back by its stopping process: failed, interrupted, nothing stored, the lease free at once", async () => {
    const slow = (latencyMs: number) => sandbox.admin("POST", "/_sandbox/faults", { corpId: corp.corpId, latencyMs });
    await slow(200);
    const { id, done } = await startReconciliation({
      db,
      idpId,
      trigger: "manual",
      actor: "system",
      owner: "stopping",
    });
    expect((await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).reconcileLeaseOwner).toBe(
      "stopping",
    );
    // Its deadline has passed: the reading is not waited for.
    expect(await handBackReconciliations(db, Promise.resolve())).toBe(1);
    expect((await loadDriftSection(db, idpId)).last).toMatchObject({
      id,
      status: "failed",
      error: { code: "interrupted" },
    });
    expect(await claimReconcileLease(db, idpId, "another-process")).toBe(true);
    await db.identityProvider.update({
      where: { id: idpId },
      data: { reconcileLeaseOwner: null, reconcileLeaseUntil: null },
    });
    await slow(0);
    await done;
    // Its reading ended after the hand-back: it stored nothing and stayed interrupted.
    const row = await db.reconciliation.findUniqueOrThrow({ where: { id }, include: { items: true } });
    expect(row).toMatchObject({ status: "failed", items: [] });
    expect(await handBackReconciliations(db, Promise.resolve())).toBe(0);
  });

  it("fails, not stays running, when storing its result throws", async () => {
    const failing = new Proxy(db, {
      get(target, prop) {
        if (prop === "driftItem") return { createMany: () => Promise.reject(new Error("disk full")) };
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const { id, done } = await startReconciliation({ db: failing, idpId, trigger: "manual", actor: "system" });
    await done;
    const row = await db.reconciliation.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("failed");
    expect(row.finishedAt).toBeTruthy();
    expect((await loadDriftSection(db, idpId)).last).toMatchObject({
      id,
      status: "failed",
      error: { code: "internal" },
    });
    const idp = await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } });
    expect(idp.reconcileLeaseOwner).toBeNull();
  });
});

describe("schedule", { timeout: 120_000 }, () => {
  const count = () => db.reconciliation.count({ where: { idpId, trigger: "schedule" } });

  it("runs once after a restart that missed two slots, then waits for the next slot", async () => {
    const now = new Date();
    const missed = new Date(now.getTime() - 2.5 * 24 * 3_600_000);
    await db.identityProvider.update({
      where: { id: idpId },
      data: { reconcileSchedule: "daily", reconcileAt: "03:00", reconcileNextAt: missed },
    });
    const before = await count();
    const first = await runReconcileTick(db, { now });
    await Promise.all(first.map((r) => r.done));
    const second = await runReconcileTick(db, { now });
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
    expect(await count()).toBe(before + 1);
    const idp = await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } });
    expect(idp.reconcileNextAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(idp.reconcileNextAt!.getTime()).toBeLessThanOrEqual(now.getTime() + 24 * 3_600_000);
    expect([idp.reconcileNextAt!.getHours(), idp.reconcileNextAt!.getMinutes()]).toEqual([3, 0]);
  });

  it("two workers racing for one due reconciliation run it once", async () => {
    await db.identityProvider.update({
      where: { id: idpId },
      data: { reconcileSchedule: "hours", reconcileEveryHours: 6, reconcileNextAt: new Date(Date.now() - 1000) },
    });
    const before = await count();
    const [a, b] = await Promise.all([
      runReconcileTick(db, { owner: "worker-a" }),
      runReconcileTick(db, { owner: "worker-b" }),
    ]);
    await Promise.all([...a, ...b].map((r) => r.done));
    expect(a.length + b.length).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it("Reconcile now is refused while another process holds the lease", async () => {
    await db.identityProvider.update({
      where: { id: idpId },
      data: { reconcileLeaseOwner: "another-process", reconcileLeaseUntil: new Date(Date.now() + 60_000) },
    });
    await expect(startReconciliation({ db, idpId, trigger: "manual", actor: "system" })).rejects.toMatchObject({
      code: "errors.reconcileInProgress",
    });
    await db.identityProvider.update({
      where: { id: idpId },
      data: { reconcileLeaseOwner: null, reconcileLeaseUntil: null },
    });
  });

  it("an IdP with the schedule off is never reconciled", async () => {
    await db.identityProvider.update({
      where: { id: idpId },
      data: { reconcileSchedule: "off", reconcileNextAt: new Date(Date.now() - 1000) },
    });
    expect(await runReconcileTick(db)).toEqual([]);
  });
});
