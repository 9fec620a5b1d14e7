// The deprovisioning policy stored on the IdP reaches planning and apply through a run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import { deleteAccounts } from "../directory/accounts";
import type { Db } from "../prisma-client";
import { startDemoSandboxIdp, type DemoSandboxFixture } from "./demo-sandbox-fixture";
import { startSyncRun, waitForRun } from "./runs";

type SandboxState = { users: { userid: string; name: string; dept_id_list: number[] }[] };

let db: Db;
let sandbox: TestSandbox;
let corp: TestCorp;
let idpId: string;

const state = () => sandbox.admin<SandboxState>("GET", `/_sandbox/state?corpId=${corp.corpId}`);
const user = async (userid: string) => (await state()).users.find((u) => u.userid === userid);
const fullRun = async () =>
  waitForRun(db, (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id);
const binding = (userid: string) => db.binding.findFirst({ where: { idpId, objectType: "user", remoteId: userid } });

let fixture: DemoSandboxFixture | undefined;
beforeAll(async () => {
  fixture = await startDemoSandboxIdp();
  ({ db, sandbox, corp, idpId } = fixture);
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});

describe("deprovisioning policy of the IdP", { timeout: 180_000 }, () => {
  it("move: a deleted account's user goes to the holding department and stays bound; unbind leaves the user", async () => {
    expect(await fullRun()).toMatchObject({ status: "succeeded", failed: 0 });
    const holding = await sandbox.client(corp).createDepartment({ name: "Leavers", parentId: 1 });
    await db.identityProvider.update({
      where: { id: idpId },
      data: { deprovisionPolicy: "move", deprovisionDeptId: holding },
    });
    const li = await db.account.findUniqueOrThrow({ where: { username: "li.na" } });
    await deleteAccounts({ db, actor: "system", ids: [li.id] });
    const moved = await fullRun();
    expect(moved).toMatchObject({ status: "succeeded", deleted: 0, failed: 0, total: 1 });
    expect((await user("li.na"))?.dept_id_list).toEqual([holding]);
    expect(await binding("li.na")).not.toBeNull();
    const records = await db.syncRecord.findMany({ where: { runId: moved.id } });
    expect(records.map((r) => JSON.parse(r.reason ?? "{}").code)).toEqual(["deprovision_move"]);
    expect(await fullRun()).toMatchObject({ status: "succeeded", total: 0 });

    await db.identityProvider.update({ where: { id: idpId }, data: { deprovisionPolicy: "unbind" } });
    const wang = await db.account.findUniqueOrThrow({ where: { username: "wang.fang" } });
    const before = await user("wang.fang");
    await deleteAccounts({ db, actor: "system", ids: [wang.id] });
    const unbound = await fullRun();
    expect(unbound).toMatchObject({ status: "succeeded", deleted: 0, failed: 0 });
    expect(await user("wang.fang")).toEqual(before);
    expect(await binding("wang.fang")).toBeNull();
  });
});
