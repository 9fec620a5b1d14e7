// The conflict queue: an administrator's link or skip is stored, audited and honoured by every later plan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Account } from "@/lib/generated/prisma/client";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import { formatMobile, type PlanOp } from "@/lib/sync";
import { readReason } from "@/lib/sync/reasons";
import type { CurrentAdmin } from "../auth";
import { setAccountsStatus } from "../directory/accounts";
import { listSyncFailures } from "../idp/failures";
import type { Db } from "../prisma-client";
import { decideConflict, listSkipped } from "./decisions";
import { startDemoSandboxIdp, type DemoSandboxFixture } from "./demo-sandbox-fixture";
import { applyPlan, preparePlan } from "./plans";
import { waitForRun } from "./runs";

type SandboxUser = { userid: string; name: string; title?: string; mobile?: string; dept_id_list: number[] };

let db: Db;
let sandbox: TestSandbox;
let corp: TestCorp;
let idpId: string;
const admin: CurrentAdmin = { id: "admin-1", email: "admin@example.com", name: "Admin", locale: "en" };

const users = async () =>
  (await sandbox.admin<{ users: SandboxUser[] }>("GET", `/_sandbox/state?corpId=${corp.corpId}`)).users;
const dtUser = async (userid: string) => (await users()).find((u) => u.userid === userid);
/** Every create, update and delete call the sandbox answered for this corp, failed ones included. */
const writeCalls = async () =>
  Object.entries((await sandbox.calls(corp.corpId)).byPath)
    .filter(([path]) => /\/(create|update|delete)$/.test(path))
    .reduce((n, [, outcomes]) => n + Object.values(outcomes).reduce((a, b) => a + b, 0), 0);
const creates = async () =>
  Object.entries((await sandbox.calls(corp.corpId)).byPath)
    .filter(([path]) => /\/create$/.test(path))
    .reduce((n, [, outcomes]) => n + Object.values(outcomes).reduce((a, b) => a + b, 0), 0);
/** A new full plan (stored for review, nothing written) and its ops for one account. */
async function planFor(localId: string) {
  const { planId, runId } = await preparePlan(db, { idpId, actor: admin, forceReview: true });
  expect(runId).toBeNull();
  const items = await db.syncPlanItem.findMany({ where: { planId }, orderBy: { seq: "asc" } });
  const ops = items
    .map((i) => ({ group: i.reviewGroup, op: JSON.parse(i.op) as PlanOp }))
    .filter((i) => i.op.localId === localId);
  return { planId, ops };
}
async function applied(planId: string) {
  const outcome = await applyPlan(db, { planId, actor: admin });
  if (!("runId" in outcome)) throw new Error("the plan's inputs changed");
  return waitForRun(db, outcome.runId);
}
const binding = (localId: string) => db.binding.findFirst({ where: { idpId, objectType: "user", localId } });

// Two enabled accounts whose mobiles DingTalk users outside the directory already hold: their creates fail.
let linked: Account;
let skipped: Account;

let fixture: DemoSandboxFixture | undefined;
beforeAll(async () => {
  fixture = await startDemoSandboxIdp({ admin });
  ({ db, sandbox, corp, idpId } = fixture);
  [linked, skipped] = await db.account.findMany({
    where: { phoneNumber: { not: null }, status: "enabled" },
    orderBy: { username: "asc" },
    take: 2,
  });
  const client = sandbox.client(corp);
  for (const [userid, name, account] of [
    ["dt-linked", "Stranger One", linked],
    ["dt-skipped", "Stranger Two", skipped],
  ] as const)
    await client.createUser({
      userid,
      name,
      mobile: formatMobile(account.phoneNumber!, account.phoneRegion),
      deptIdList: [1],
    });
  const { planId } = await preparePlan(db, { idpId, actor: admin });
  const first = await applied(planId);
  expect(first).toMatchObject({ status: "partially_succeeded", failed: 2 });
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});

describe("the conflict queue", { timeout: 120_000 }, () => {
  it("a link with syncNow binds the account to that DingTalk user at once; later plans never create it", async () => {
    const queue = await listSyncFailures(db, idpId);
    expect(queue.rows.map((r) => r.localId)).toEqual(expect.arrayContaining([linked.id, skipped.id]));

    const { runId } = await decideConflict(db, {
      input: { idpId, localId: linked.id, decision: "link", remoteId: "dt-linked" },
      actor: admin,
      syncNow: true,
    });
    expect(runId).not.toBeNull();
    const run = await waitForRun(db, runId!);
    expect(run).toMatchObject({ kind: "retry", status: "succeeded", total: 1, failed: 0 });
    const record = await db.syncRecord.findFirstOrThrow({ where: { runId: run.id } });
    expect(record).toMatchObject({ localId: linked.id, action: "bind", status: "succeeded", remoteId: "dt-linked" });
    expect(readReason(record.reason)).toEqual({ code: "linked_by_admin", params: { userid: "dt-linked" } });
    expect(await binding(linked.id)).toMatchObject({ remoteId: "dt-linked" });
    expect(await dtUser("dt-linked")).toMatchObject({ name: linked.displayName, title: linked.jobTitle });
    expect(await db.syncFailure.count({ where: { idpId, localId: linked.id } })).toBe(0);

    // The link has done its work once the account is bound: it is not kept to re-link it later.
    expect(await db.matchDecision.count({ where: { idpId, localId: linked.id } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "idp.conflict.link", targetId: linked.id } });
    expect(audit.actorLabel).toBe(admin.email);
    expect(JSON.parse(audit.details)).toMatchObject({ idpId, username: linked.username, userid: "dt-linked" });

    // In step with the user it was linked to: no op at all, so certainly no create.
    expect((await planFor(linked.id)).ops).toEqual([]);
  });

  it("skip: out of the plan and the failures, listed as skipped; clear brings it back", async () => {
    const before = await planFor(skipped.id);
    expect(before.ops.map((o) => [o.group, o.op.kind])).toEqual([["conflict", "user_create"]]);
    expect(await db.syncFailure.count({ where: { idpId, localId: skipped.id } })).toBe(1);

    const skip = await decideConflict(db, {
      input: { idpId, localId: skipped.id, decision: "skip" },
      actor: admin,
      syncNow: true,
    });
    expect(skip.runId).toBeNull();
    expect(await db.syncFailure.count({ where: { idpId, localId: skipped.id } })).toBe(0);
    expect(await listSkipped(db, idpId)).toEqual([
      expect.objectContaining({
        localId: skipped.id,
        username: skipped.username,
        displayName: skipped.displayName,
        decidedBy: admin.email,
      }),
    ]);
    expect((await planFor(skipped.id)).ops).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "idp.conflict.skip", targetId: skipped.id } })).toBe(1);

    await decideConflict(db, { input: { idpId, localId: skipped.id, decision: "clear" }, actor: admin, syncNow: true });
    expect(await listSkipped(db, idpId)).toEqual([]);
    expect(await db.matchDecision.count({ where: { idpId, localId: skipped.id } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "idp.conflict.clear", targetId: skipped.id } });
    expect(JSON.parse(audit.details)).toMatchObject({ before: { decision: "skip", userid: null } });
    const after = await planFor(skipped.id);
    expect(after.ops.map((o) => [o.group, o.op.kind])).toEqual([["conflict", "user_create"]]);
  });

  it("a link to a DingTalk user no conflict of the account named is refused, and nothing is stored or written", async () => {
    const li = await db.account.findUniqueOrThrow({ where: { username: "li.na" } });
    expect(await binding(li.id)).toMatchObject({ remoteId: "li.na" });
    const liUser = await dtUser("li.na");
    const writes = await writeCalls();
    const runs = await db.syncRun.count({ where: { idpId } });

    await expect(
      decideConflict(db, {
        input: { idpId, localId: skipped.id, decision: "link", remoteId: "li.na" },
        actor: admin,
        syncNow: true,
      }),
    ).rejects.toMatchObject({ code: "errors.linkTargetUnknown" });
    expect(await db.matchDecision.count({ where: { idpId, localId: skipped.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "idp.conflict.link", targetId: skipped.id } })).toBe(0);
    expect(await db.syncRun.count({ where: { idpId } })).toBe(runs);
    expect(await writeCalls()).toBe(writes);
    expect(await dtUser("li.na")).toEqual(liUser);
  });

  it("a bound account disabled in the directory follows the deprovisioning policy, unless skipped", async () => {
    const wang = await db.account.findUniqueOrThrow({ where: { username: "wang.fang" } });
    expect(await binding(wang.id)).toMatchObject({ remoteId: "wang.fang" });
    const wangUser = await dtUser("wang.fang");
    await setAccountsStatus({ db, actor: "system", ids: [wang.id], status: "disabled" });

    // Skipped: left alone entirely, not deprovisioned.
    await decideConflict(db, { input: { idpId, localId: wang.id, decision: "skip" }, actor: admin, syncNow: false });
    expect((await planFor(wang.id)).ops).toEqual([]);
    await decideConflict(db, { input: { idpId, localId: wang.id, decision: "clear" }, actor: admin, syncNow: false });

    const deleting = await planFor(wang.id);
    expect(deleting.ops.map((o) => [o.group, o.op.kind, o.op.remoteId, o.op.reason])).toEqual([
      ["delete", "user_delete", "wang.fang", { code: "account_disabled", params: { remotePresent: true } }],
    ]);

    await db.identityProvider.update({ where: { id: idpId }, data: { deprovisionPolicy: "unbind" } });
    const unbinding = await planFor(wang.id);
    expect(unbinding.ops.map((o) => [o.group, o.op.kind, o.op.diff, o.op.reason])).toEqual([
      ["delete", "user_update", [], { code: "deprovision_unbind", params: { left: "disabled", userid: "wang.fang" } }],
    ]);
    const changes = async () => (await writeCalls()) - (await creates());
    const before = await changes();
    const run = await applied(unbinding.planId);
    const record = await db.syncRecord.findFirstOrThrow({ where: { runId: run.id, localId: wang.id } });
    expect(record.status).toBe("succeeded");
    expect(await binding(wang.id)).toBeNull();
    expect(await dtUser("wang.fang")).toEqual(wangUser);
    // No update or delete call (the conflicting account's create is tried, and refused, as before).
    expect(await changes()).toBe(before);
  });

  it("a link DingTalk refuses fails that account only: the IdP stays enabled, the next link runs at once", async () => {
    // Its mobile is held by dt-skipped (the link target), its e-mail by a third user: the bind's update gets 60106.
    expect(skipped.email).not.toBeNull();
    await sandbox
      .client(corp)
      .createUser({ userid: "dt-email", name: "Email Holder", email: skipped.email!, deptIdList: [1] });
    const { runId } = await decideConflict(db, {
      input: { idpId, localId: skipped.id, decision: "link", remoteId: "dt-skipped" },
      actor: admin,
      syncNow: true,
    });
    const run = await waitForRun(db, runId!);
    expect(run).toMatchObject({ kind: "retry", total: 1, failed: 1 });
    const record = await db.syncRecord.findFirstOrThrow({ where: { runId: run.id } });
    expect(record).toMatchObject({ localId: skipped.id, action: "bind", status: "failed", errcode: 60106 });
    expect(await binding(skipped.id)).toBeNull();
    expect(await db.syncFailure.count({ where: { idpId, localId: skipped.id } })).toBe(1);

    // One refused object of a one-account run is not "a majority DingTalk refused": the IdP stays enabled,
    // so incremental sync goes on and the next link from the queue is written at once.
    expect((await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).status).toBe("enabled");
    const { planId } = await planFor(skipped.id);
    const next = await decideConflict(db, {
      input: { idpId, localId: skipped.id, decision: "link", remoteId: "dt-skipped", planId },
      actor: admin,
      syncNow: true,
    });
    expect(next.runId).not.toBeNull();
    await waitForRun(db, next.runId!);
  });
});
