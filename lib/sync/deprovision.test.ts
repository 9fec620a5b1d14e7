// The deprovisioning policy against the real sandbox: an account deleted and one moved out of
// scope, under "delete", "move" (to a holding department outside the target node) and "unbind".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import { mappingFieldCatalog } from "@/lib/mapping";
import { applyPlan } from "./apply";
import { readDeprovisionPolicy } from "./deprovision";
import { compileSyncRules } from "./mapping";
import { planWithRules } from "./plan";
import { readSnapshot } from "./snapshot";
import { readTargetedSnapshot, snapshotNeeds } from "./targeted";
import { account, defaultRules, MemorySyncStore, ou } from "./testing";
import type { DeprovisionPolicy, SourceAccount, SourceOu } from "./types";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

const rules = defaultRules();
const compiled = compileSyncRules(rules, mappingFieldCatalog([]));
const ous = (): SourceOu[] => [
  ou("root", "Acme", null),
  ou("eng", "Engineering", "root", 1),
  ou("other", "Elsewhere", null),
];
const everyone = (): SourceAccount[] => [
  account("a1", "alice", ["eng"], { displayName: "Alice", email: "alice@example.com" }),
  account("a2", "bob", ["eng"], { displayName: "Bob", email: "bob@example.com" }),
  account("a3", "carol", ["root"], { displayName: "Carol", email: "carol@example.com" }),
];
/** alice is deleted, bob moves to an OU outside the synced scope, carol stays. */
const afterLeaving = (): SourceAccount[] => [
  { ...everyone()[1], ouIds: ["other"], primaryOuId: "other" },
  everyone()[2],
];

type State = { users: { userid: string; dept_id_list: number[]; name: string; email?: string }[] };

async function setup() {
  const corp = await sb.corp();
  const client = sb.client(corp);
  const target = await client.createDepartment({ name: "Target", parentId: 1 });
  const holding = await client.createDepartment({ name: "Leavers", parentId: 1 });
  const store = new MemorySyncStore();
  const state = () => sb.admin<State>("GET", `/_sandbox/state?corpId=${corp.corpId}`);
  const user = async (userid: string) => (await state()).users.find((u) => u.userid === userid);
  const writes = async () => {
    const calls = await sb.calls(corp.corpId);
    return Object.entries(calls.byPath)
      .filter(([path]) => /create|update|delete/.test(path))
      .reduce((n, [, byCode]) => n + Object.values(byCode).reduce((a, b) => a + b, 0), 0);
  };
  const plan = async (accounts: SourceAccount[], deprovision?: DeprovisionPolicy, only?: string[]) => {
    const alsoMembersOf = deprovision?.policy === "move" ? [deprovision.deptId] : [];
    const bindings = store.list();
    const needs =
      only &&
      snapshotNeeds({
        only,
        sourceRootIds: ["root"],
        targetDeptId: target,
        ous: ous(),
        accounts,
        bindings,
        rules: compiled,
      });
    const snapshot =
      needs && !needs.full
        ? await readTargetedSnapshot(client, target, needs)
        : await readSnapshot(client, target, { alsoMembersOf });
    return planWithRules(
      { sourceRootIds: ["root"], ous: ous(), accounts, rules, snapshot, bindings, only, deprovision },
      compiled,
    );
  };
  const sync = async (accounts: SourceAccount[], deprovision?: DeprovisionPolicy, confirmDeletes = false) => {
    const p = await plan(accounts, deprovision);
    return { plan: p, result: await applyPlan({ plan: p, client, store, confirmDeletes }) };
  };
  await sync(everyone());
  const eng = (await user("alice"))?.dept_id_list[0] as number;
  return { client, store, target, holding, eng, user, state, writes, plan, sync };
}

function ops(p: { ops: { kind: string; localId: string; reason: { code: string } }[] }) {
  return p.ops.map((op) => `${op.kind} ${op.localId} ${op.reason.code}`);
}

describe("deprovisioning policy", () => {
  it("reads the stored columns: unknown or move without a department deletes", () => {
    expect(readDeprovisionPolicy("delete", null)).toEqual({ policy: "delete" });
    expect(readDeprovisionPolicy("move", 42)).toEqual({ policy: "move", deptId: 42 });
    expect(readDeprovisionPolicy("move", null)).toEqual({ policy: "delete" });
    expect(readDeprovisionPolicy("unbind", 42)).toEqual({ policy: "unbind" });
    expect(readDeprovisionPolicy("whatever", 42)).toEqual({ policy: "delete" });
  });

  it("delete (the default): both users are deleted, counted toward the threshold", async () => {
    const { store, user, sync } = await setup();
    const held = await sync(afterLeaving());
    expect(ops(held.plan)).toEqual(["user_delete a1 account_deleted", "user_delete a2 account_out_of_scope"]);
    expect(held.plan.held).toMatchObject({ deletes: 2, bound: 3 });
    const done = await sync(afterLeaving(), { policy: "delete" }, true);
    expect(done.result).toMatchObject({ status: "succeeded", deleted: 2, failed: 0 });
    expect(await user("alice")).toBeUndefined();
    expect(await user("bob")).toBeUndefined();
    expect(store.binding("user", "a1")).toBeUndefined();
    expect(store.binding("user", "a2")).toBeUndefined();
  });

  it("move: both users go to the holding department only, bindings kept, no hold; returning accounts are moved back", async () => {
    const { client, store, holding, eng, user, writes, plan, sync } = await setup();
    const policy: DeprovisionPolicy = { policy: "move", deptId: holding };
    const moved = await sync(afterLeaving(), policy);
    expect(ops(moved.plan)).toEqual(["user_update a1 deprovision_move", "user_update a2 deprovision_move"]);
    expect(moved.plan.held).toBeUndefined();
    expect(moved.plan.counts.user_delete).toBe(0);
    expect(moved.result).toMatchObject({ status: "succeeded", deleted: 0, failed: 0 });
    expect((await user("alice"))?.dept_id_list).toEqual([holding]);
    expect((await user("bob"))?.dept_id_list).toEqual([holding]);
    expect(store.binding("user", "a1")?.remoteId).toBe("alice");
    expect(store.binding("user", "a2")?.remoteId).toBe("bob");
    // Held there: the next run (full, reading the holding department) writes nothing.
    const before = await writes();
    expect((await sync(afterLeaving(), policy)).plan.ops).toEqual([]);
    expect(await writes()).toBe(before);

    // bob comes back into scope through an incremental run (targeted snapshot), alice through a full one.
    const bobBack = await plan([everyone()[1], everyone()[2]], policy, ["a2"]);
    expect(bobBack.ops.map((op) => `${op.kind} ${op.localId} ${op.diff.map((d) => d.field)}`)).toEqual([
      "user_update a2 dept_id_list",
    ]);
    await applyPlan({ plan: bobBack, client, store });
    expect((await user("bob"))?.dept_id_list).toEqual([eng]);
    const all = await sync(everyone(), policy);
    expect(all.plan.ops.map((op) => `${op.kind} ${op.localId} ${op.diff.map((d) => d.field)}`)).toEqual([
      "user_update a1 dept_id_list",
    ]);
    expect((await user("alice"))?.dept_id_list).toEqual([eng]);
    expect(store.binding("user", "a1")?.remoteId).toBe("alice");
  });

  it("move and unbind in incremental runs: the targeted snapshot reads the bound user wherever it is", async () => {
    const { client, store, holding, user, writes, plan } = await setup();
    const move: DeprovisionPolicy = { policy: "move", deptId: holding };
    const moved = await plan(afterLeaving(), move, ["a1"]);
    expect(ops(moved)).toEqual(["user_update a1 deprovision_move"]);
    await applyPlan({ plan: moved, client, store });
    expect((await user("alice"))?.dept_id_list).toEqual([holding]);
    expect(store.binding("user", "a1")?.remoteId).toBe("alice");
    expect((await plan(afterLeaving(), move, ["a1"])).ops).toEqual([]);

    const before = await writes();
    const unbound = await plan(afterLeaving(), { policy: "unbind" }, ["a2"]);
    expect(ops(unbound)).toEqual(["user_update a2 deprovision_unbind"]);
    await applyPlan({ plan: unbound, client, store });
    expect(await writes()).toBe(before);
    expect(store.binding("user", "a2")).toBeUndefined();
  });

  it("unbind: bindings gone, users untouched in DingTalk and no write call", async () => {
    const { store, state, writes, sync } = await setup();
    const before = await state();
    const calls = await writes();
    const unbound = await sync(afterLeaving(), { policy: "unbind" });
    expect(ops(unbound.plan)).toEqual(["user_update a1 deprovision_unbind", "user_update a2 deprovision_unbind"]);
    expect(unbound.plan.held).toBeUndefined();
    expect(unbound.result).toMatchObject({ status: "succeeded", deleted: 0, failed: 0 });
    expect(await writes()).toBe(calls);
    expect((await state()).users).toEqual(before.users);
    expect(store.binding("user", "a1")).toBeUndefined();
    expect(store.binding("user", "a2")).toBeUndefined();
    expect(store.binding("user", "a3")?.remoteId).toBe("carol");
    expect((await sync(afterLeaving(), { policy: "unbind" })).plan.ops).toEqual([]);
  });
});
