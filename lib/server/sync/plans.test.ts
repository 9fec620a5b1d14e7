// Review, then apply: a stored plan is written only by Apply, exactly once, and only while its inputs are unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Account } from "@/lib/generated/prisma/client";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import { formatMobile, REVIEW_GROUPS, type PlanOp } from "@/lib/sync";
import { readReason } from "@/lib/sync/reasons";
import type { CurrentAdmin } from "../auth";
import { deleteAccounts } from "../directory/accounts";
import { replaceRules } from "../idp/mapping";
import type { Db } from "../prisma-client";
import { startDemoSandboxIdp, type DemoSandboxFixture } from "./demo-sandbox-fixture";
import { PLAN_PAGE_SIZE, readPlanPage } from "./plan-pages";
import { applyPlan, preparePlan } from "./plans";
import { waitForRun } from "./runs";
import { loadRules } from "./source";

type SandboxUser = { userid: string; name: string; title?: string; mobile?: string; dept_id_list: number[] };

let db: Db;
let sandbox: TestSandbox;
let corp: TestCorp;
let idpId: string;
const admin: CurrentAdmin = { id: "admin-1", email: "admin@example.com", name: "Admin", locale: "en" };
const otherAdmin = { id: "admin-2", email: "other@example.com" };

const users = async () =>
  (await sandbox.admin<{ users: SandboxUser[] }>("GET", `/_sandbox/state?corpId=${corp.corpId}`)).users;
const dtUser = async (userid: string) => (await users()).find((u) => u.userid === userid);
/** Every create, update and delete call the sandbox answered for this corp, failed ones included. */
const writeCalls = async () =>
  Object.entries((await sandbox.calls(corp.corpId)).byPath)
    .filter(([path]) => /\/(create|update|delete)$/.test(path))
    .reduce((n, [, outcomes]) => n + Object.values(outcomes).reduce((a, b) => a + b, 0), 0);
const storedOps = async (planId: string) =>
  (await db.syncPlanItem.findMany({ where: { planId }, orderBy: { seq: "asc" } })).map((i) => ({
    seq: i.seq,
    group: i.reviewGroup,
    op: JSON.parse(i.op) as PlanOp,
  }));
const page = async (planId: string, group?: string, at?: number) => {
  const found = await readPlanPage(db, { planId, group, page: at });
  if (!found) throw new Error(`plan ${planId} not found`);
  return found;
};
async function applied(planId: string) {
  const outcome = await applyPlan(db, { planId, actor: admin });
  if (!("runId" in outcome)) throw new Error("the plan's inputs changed");
  return waitForRun(db, outcome.runId);
}

// An enabled account whose mobile a DingTalk user outside the directory ("the stranger") already holds.
let account: Account;
let strangerBefore: SandboxUser | undefined;
let firstPlanId: string;
let freshPlanId: string;

let fixture: DemoSandboxFixture | undefined;
beforeAll(async () => {
  fixture = await startDemoSandboxIdp({ admin });
  ({ db, sandbox, corp, idpId } = fixture);
  // A real administrator: an audit entry names an existing one (its id is a foreign key).
  await db.admin.create({ data: { ...otherAdmin, name: "Other", passwordHash: "x" } });
  account = await db.account.findFirstOrThrow({
    where: { phoneNumber: { not: null }, status: "enabled" },
    orderBy: { username: "asc" },
  });
  const mobile = formatMobile(account.phoneNumber!, account.phoneRegion);
  await sandbox.client(corp).createUser({ userid: "dt-stranger", name: "Zhang Wei", mobile, deptIdList: [1] });
  strangerBefore = await dtUser("dt-stranger");
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});

describe("review, then apply", { timeout: 120_000 }, () => {
  it("the first plan waits for review, writes nothing, and its pages show every stored item exactly once", async () => {
    const writes = await writeCalls();
    const { planId, runId } = await preparePlan(db, { idpId, actor: admin });
    firstPlanId = planId;
    expect(runId).toBeNull();
    expect(await writeCalls()).toBe(writes);
    expect(await db.syncPlan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({
      status: "ready",
      needsReview: true,
      firstSync: true,
      createdBy: admin.email,
      runId: null,
    });
    expect(await db.syncRun.count({ where: { idpId } })).toBe(0);

    const stored = await storedOps(planId);
    const first = await page(planId);
    // Conflicts come first: they are what needs a decision.
    expect(first.group).toBe("conflict");
    for (const group of REVIEW_GROUPS)
      expect([group, first.plan.counts[group]]).toEqual([group, stored.filter((s) => s.group === group).length]);
    expect(first.plan.counts.create).toBeGreaterThan(PLAN_PAGE_SIZE);

    const create1 = await page(planId, "create", 1);
    const create2 = await page(planId, "create", 2);
    expect(create1).toMatchObject({ group: "create", page: 1, total: first.plan.counts.create });
    expect(create1.pages).toBe(Math.ceil(first.plan.counts.create / PLAN_PAGE_SIZE));
    expect(create1.items).toHaveLength(PLAN_PAGE_SIZE);
    expect(create2.page).toBe(2);
    expect(create2.items.length).toBe(Math.min(PLAN_PAGE_SIZE, first.plan.counts.create - PLAN_PAGE_SIZE));
    expect(create2.items[0].seq).toBeGreaterThan(create1.items.at(-1)!.seq);

    // Every page of every group, read in turn, is the stored plan: each item once, none missing.
    const seen: number[] = [];
    for (const group of REVIEW_GROUPS) {
      const { pages } = await page(planId, group);
      for (let at = 1; at <= pages; at++) {
        const read = await page(planId, group, at);
        expect(read.items.every((i) => i.group === group)).toBe(true);
        seen.push(...read.items.map((i) => i.seq));
      }
    }
    expect(seen).toHaveLength(new Set(seen).size);
    expect([...seen].sort((a, b) => a - b)).toEqual(stored.map((s) => s.seq));
  });

  it("the account whose mobile a DingTalk user holds is a conflict naming that user", async () => {
    const conflicts = await page(firstPlanId, "conflict");
    const item = conflicts.items.find((i) => i.localId === account.id);
    expect(item).toMatchObject({ kind: "user_create", remoteId: account.username, decision: null });
    expect(item?.holders).toEqual([
      { field: "mobile", holder: expect.objectContaining({ userid: "dt-stranger", name: "Zhang Wei" }) },
    ]);
  });

  it("Apply writes the plan, leaves the stranger alone; a second Apply is refused and writes nothing", async () => {
    const writes = await writeCalls();
    const run = await applied(firstPlanId);
    expect(run).toMatchObject({ kind: "full", status: "partially_succeeded", error: null });
    expect(run.created).toBeGreaterThan(0);
    expect(await writeCalls()).toBeGreaterThan(writes);
    expect(await db.syncPlan.findUniqueOrThrow({ where: { id: firstPlanId } })).toMatchObject({
      status: "applied",
      appliedBy: admin.email,
      runId: run.id,
    });
    // The run wrote the stored ops: as many records as the plan had items.
    expect(run.total).toBe((await storedOps(firstPlanId)).length);
    expect(await dtUser("dt-stranger")).toEqual(strangerBefore);
    const record = await db.syncRecord.findFirstOrThrow({ where: { runId: run.id, localId: account.id } });
    expect(record.status).toBe("failed");
    expect(readReason(record.reason)).toMatchObject({
      code: "clash_with_user",
      params: { field: "mobile", userid: "dt-stranger" },
    });
    expect((await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).lastFullSyncAt).not.toBeNull();

    const after = await writeCalls();
    const runs = await db.syncRun.count({ where: { idpId } });
    await expect(applyPlan(db, { planId: firstPlanId, actor: admin })).rejects.toMatchObject({
      code: "errors.planApplied",
      params: { by: admin.email },
    });
    expect(await writeCalls()).toBe(after);
    expect(await db.syncRun.count({ where: { idpId } })).toBe(runs);
  });

  it("with the mobile fallback, the stranger is a link showing its current name; applied, it is written", async () => {
    await db.identityProvider.update({ where: { id: idpId }, data: { matchFallbacks: JSON.stringify(["mobile"]) } });
    const writes = await writeCalls();
    const { planId, runId } = await preparePlan(db, { idpId, actor: admin });
    expect(runId).toBeNull();
    expect(await writeCalls()).toBe(writes);
    const links = await page(planId, "link");
    expect(links.plan.counts.conflict).toBe(0);
    const item = links.items.find((i) => i.localId === account.id);
    expect(item).toMatchObject({
      kind: "user_bind",
      remoteId: "dt-stranger",
      reason: { code: "matched_by_fallback", params: { field: "mobile" } },
      existing: expect.objectContaining({ userid: "dt-stranger", name: "Zhang Wei" }),
    });

    const run = await applied(planId);
    expect(run).toMatchObject({ status: "succeeded", failed: 0 });
    expect((await dtUser("dt-stranger"))?.name).toBe(account.displayName);
    expect(await db.binding.findFirst({ where: { idpId, localId: account.id } })).toMatchObject({
      remoteId: "dt-stranger",
    });
  });

  it.each([
    [
      "an account's job title is edited in the directory",
      async () => {
        await db.account.update({ where: { username: "li.na" }, data: { jobTitle: "Changed After Review" } });
      },
    ],
    [
      "a user is created in DingTalk under the target node",
      async () => {
        await sandbox.client(corp).createUser({ userid: "dt-newcomer", name: "New Comer", deptIdList: [1] });
      },
    ],
  ])("when %s before Apply, Apply writes nothing and shows a new plan; the old one is stale", async (what, change) => {
    // Something to write, so the plan waits for review (an empty one is applied at once).
    await db.account.update({ where: { username: "wang.fang" }, data: { jobTitle: `Reviewed: ${what}` } });
    const { planId, runId } = await preparePlan(db, { idpId, actor: admin });
    expect(runId).toBeNull();
    await change();
    const writes = await writeCalls();
    const runs = await db.syncRun.count({ where: { idpId } });

    const outcome = await applyPlan(db, { planId, actor: admin });
    expect(outcome).toEqual({ changed: true, planId: expect.any(String) });
    const fresh = (outcome as { planId: string }).planId;
    expect(fresh).not.toBe(planId);
    freshPlanId = fresh;
    expect(await writeCalls()).toBe(writes);
    expect(await db.syncRun.count({ where: { idpId } })).toBe(runs);
    expect(await db.syncPlan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ status: "stale" });
    expect(await db.syncPlan.findUniqueOrThrow({ where: { id: fresh } })).toMatchObject({
      status: "ready",
      needsReview: true,
    });
    expect((await page(planId)).plan.newestPlanId).toBe(fresh);
    const audits = await db.auditLog.findMany({ where: { action: "sync.plan.changed", targetId: idpId } });
    expect(audits.map((a) => JSON.parse(a.details))).toContainEqual({ planId, newPlanId: fresh });

    await expect(applyPlan(db, { planId, actor: admin })).rejects.toMatchObject({ code: "errors.planStale" });
    expect(await writeCalls()).toBe(writes);
  });

  it("the new plan carries the change that made the old one stale", async () => {
    const li = await db.account.findUniqueOrThrow({ where: { username: "li.na" } });
    const ops = (await storedOps(freshPlanId)).filter((s) => s.op.localId === li.id);
    expect(ops.map((s) => [s.group, s.op.kind, s.op.diff])).toEqual([
      ["update", "user_update", [{ field: "title", before: expect.any(String), after: "Changed After Review" }]],
    ]);
  });

  it("two Applies of one plan at once: exactly one starts a run, the other is refused", async () => {
    const { planId } = await preparePlan(db, { idpId, actor: admin });
    const { update } = (await page(planId)).plan.counts;
    expect(update).toBeGreaterThan(0);
    const runs = await db.syncRun.count({ where: { idpId } });
    const [a, b] = await Promise.allSettled([
      applyPlan(db, { planId, actor: admin }),
      applyPlan(db, { planId, actor: otherAdmin }),
    ]);
    const started = [a, b].filter((r) => r.status === "fulfilled");
    const refused = [a, b].filter((r) => r.status === "rejected");
    const reasons = refused.map((r) => String((r.reason as { code?: string }).code ?? r.reason));
    expect(started, `both refused: ${reasons.join("; ")}`).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const outcome = (started[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof applyPlan>>>).value;
    expect(outcome).toEqual({ runId: expect.any(String) });
    const runId = (outcome as { runId: string }).runId;
    // Refused while the other is checking (planApplying) or once it has started its run (planApplied).
    expect(["errors.planApplying", "errors.planApplied"]).toContain(
      ((refused[0] as PromiseRejectedResult).reason as { code: string }).code,
    );

    expect(await waitForRun(db, runId)).toMatchObject({ status: "succeeded", updated: update });
    expect(await db.syncRun.count({ where: { idpId } })).toBe(runs + 1);
    expect(await db.syncPlan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ status: "applied", runId });
    expect((await dtUser("li.na"))?.title).toBe("Changed After Review");
  });

  it("an Apply whose process stopped before starting its run is taken over after a while, not refused forever", async () => {
    await db.account.update({ where: { id: account.id }, data: { jobTitle: "Taken Over" } });
    const { planId } = await preparePlan(db, { idpId, actor: admin });
    // As a process that claimed the plan and died during its check leaves it.
    await db.syncPlan.update({
      where: { id: planId },
      data: { status: "applying", appliedBy: "gone@example.com", appliedAt: new Date() },
    });
    await expect(applyPlan(db, { planId, actor: admin })).rejects.toMatchObject({ code: "errors.planApplying" });
    await db.syncPlan.update({ where: { id: planId }, data: { appliedAt: new Date(Date.now() - 6 * 60_000) } });
    expect(await applied(planId)).toMatchObject({ status: "succeeded", updated: 1 });
    expect(await db.syncPlan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({
      status: "applied",
      appliedBy: admin.email,
    });
  });

  it("with review off and a baseline, a plan of updates is applied at once; a plan with a delete waits", async () => {
    await db.identityProvider.update({ where: { id: idpId }, data: { reviewBeforeWriting: false } });
    await db.account.update({ where: { username: "wang.fang" }, data: { jobTitle: "Applied At Once" } });
    const direct = await preparePlan(db, { idpId, actor: admin });
    expect(direct.runId).not.toBeNull();
    expect(await db.syncPlan.findUniqueOrThrow({ where: { id: direct.planId } })).toMatchObject({
      needsReview: false,
      firstSync: false,
      status: "applied",
      runId: direct.runId,
    });
    expect(await waitForRun(db, direct.runId!)).toMatchObject({ status: "succeeded", total: 1, updated: 1 });
    expect((await dtUser("wang.fang"))?.title).toBe("Applied At Once");

    const zhou = await db.account.findUniqueOrThrow({ where: { username: "zhou.wei" } });
    const zhouUser = await dtUser("zhou.wei");
    expect(zhouUser).toBeDefined();
    await deleteAccounts({ db, actor: "system", ids: [zhou.id] });
    await db.account.update({ where: { username: "wang.fang" }, data: { jobTitle: "Waits For Review" } });
    const writes = await writeCalls();
    const held = await preparePlan(db, { idpId, actor: admin });
    expect(held.runId).toBeNull();
    expect(await writeCalls()).toBe(writes);
    const deletes = await page(held.planId, "delete");
    expect(deletes.plan).toMatchObject({ needsReview: true, status: "ready" });
    expect(deletes.plan.counts).toMatchObject({ delete: 1, update: 1 });
    expect(deletes.items).toEqual([
      expect.objectContaining({
        kind: "user_delete",
        remoteId: "zhou.wei",
        reason: { code: "account_deleted", params: { remotePresent: true } },
      }),
    ]);
    expect(await dtUser("zhou.wei")).toEqual(zhouUser);

    // Saving the mapping makes the waiting plan out of date: it was computed with the old rules.
    await replaceRules({ db, actor: admin, idpId, rules: await loadRules(db, idpId) });
    expect(await db.syncPlan.findUniqueOrThrow({ where: { id: held.planId } })).toMatchObject({ status: "stale" });
    await expect(applyPlan(db, { planId: held.planId, actor: admin })).rejects.toMatchObject({
      code: "errors.planStale",
    });
    expect(await writeCalls()).toBe(writes);
  });
});
