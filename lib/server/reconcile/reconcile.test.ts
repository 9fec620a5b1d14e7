// Reconciliation against the sandbox: DingTalk changed through its own API behind the console's back
// (rename, delete, move, add) is reported exactly; "repair" restores the console's objects and leaves
// the unknown user alone; the schedule fires once after missed slots, and once among racing workers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DingTalkClient } from "@/lib/dingtalk";
import type { TestCorp, TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import type { Db } from "../prisma-client";
import { startDemoSandboxIdp, type DemoSandboxFixture } from "../sync/demo-sandbox-fixture";
import { startSyncRun, waitForRun } from "../sync/runs";
import { startReconciliation } from "./reconcile";
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
