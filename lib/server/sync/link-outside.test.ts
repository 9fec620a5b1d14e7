// A conflict's holder outside the target node: DingTalk names it on create; once an administrator
// links it, the plan reads it by its userid, so the review shows it as it is and diffs its real fields.
import { afterAll, beforeAll, expect, it } from "vitest";
import { formatMobile, type PlanOp } from "@/lib/sync";
import { readReason } from "@/lib/sync/reasons";
import type { CurrentAdmin } from "../auth";
import { startDemoSandboxIdp, type DemoSandboxFixture } from "./demo-sandbox-fixture";
import { decideConflict } from "./decisions";
import { readPlanPage } from "./plan-pages";
import { applyPlan, preparePlan } from "./plans";
import { waitForRun } from "./runs";

const admin: CurrentAdmin = { id: "admin-1", email: "admin@example.com", name: "Admin", locale: "en" };
let f: DemoSandboxFixture;

beforeAll(async () => {
  f = await startDemoSandboxIdp({ admin });
}, 120_000);
afterAll(() => f?.close());

it(
  "a linked holder outside the target node is shown as it is, and its real fields are diffed",
  { timeout: 120_000 },
  async () => {
    const { db, sandbox, corp, idpId } = f;
    const client = sandbox.client(corp);
    const synced = await client.createDepartment({ name: "Synced", parentId: 1 });
    await db.identityProvider.update({ where: { id: idpId }, data: { targetDeptId: synced } });
    const account = await db.account.findFirstOrThrow({
      where: { phoneNumber: { not: null }, status: "enabled" },
      orderBy: { username: "asc" },
    });
    const mobile = formatMobile(account.phoneNumber!, account.phoneRegion);
    await client.createUser({ userid: "dt-outside", name: "Outside Person", mobile, deptIdList: [1] });

    // Not under the target node, so the first plan cannot know it: DingTalk names it when the create clashes.
    const first = await preparePlan(db, { idpId, actor: admin });
    const applied = await applyPlan(db, { planId: first.planId, actor: admin });
    if (!("runId" in applied)) throw new Error("the plan's inputs changed");
    await waitForRun(db, applied.runId);
    const failure = await db.syncFailure.findFirstOrThrow({ where: { idpId, localId: account.id } });
    expect(readReason(failure.reason)).toMatchObject({ code: "clash_with_user", params: { userid: "dt-outside" } });

    await decideConflict(db, {
      input: { idpId, localId: account.id, decision: "link", remoteId: "dt-outside" },
      actor: admin,
      syncNow: false,
    });
    const { planId } = await preparePlan(db, { idpId, actor: admin, forceReview: true });
    const links = await readPlanPage(db, { planId, group: "link" });
    const item = links?.items.find((i) => i.localId === account.id);
    expect(item).toMatchObject({
      kind: "user_bind",
      reason: { code: "linked_by_admin" },
      existing: { userid: "dt-outside", name: "Outside Person" },
    });
    const name = item?.diff.find((d) => d.field === "name");
    expect(name).toEqual({ field: "name", before: "Outside Person", after: account.displayName });
    // Its mobile is already the account's: not shown as a change.
    expect(item?.diff.some((d) => d.field === "mobile")).toBe(false);
    const ops = (await db.syncPlanItem.findMany({ where: { planId } })).map((i) => JSON.parse(i.op) as PlanOp);
    expect(ops.filter((op) => op.localId === account.id)).toHaveLength(1);
  },
);
