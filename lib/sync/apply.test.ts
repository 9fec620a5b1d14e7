// Apply against the real sandbox over HTTP: readSnapshot -> planSync -> applyPlan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DingTalkClient } from "@/lib/dingtalk";
import { TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import { applyPlan, type ApplyProgress } from "./apply";
import { planSync } from "./plan";
import { readSnapshot } from "./snapshot";
import { account, defaultRules, MemorySyncStore, ou } from "./testing";
import type { MappingRule } from "@/lib/mapping";
import type { PlanInput, SourceAccount, SourceOu } from "./types";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

type Directory = { ous: SourceOu[]; accounts: SourceAccount[]; rules?: MappingRule[] } & Partial<
  Pick<PlanInput, "deleteThresholdPercent" | "deleteThresholdCount">
>;

const baseOus = (): SourceOu[] => [
  ou("root", "Acme", null),
  ou("eng", "Engineering", "root", 1),
  ou("be", "Backend", "eng", 1),
  ou("sales", "Sales", "root", 2),
];
const people = (): SourceAccount[] => [
  account("a1", "alice", ["be"], {
    displayName: "Alice",
    email: "alice@example.com",
    phoneNumber: "13800000001",
    employeeNumber: "E1",
  }),
  account("a2", "bob", ["eng", "sales"], {
    displayName: "Bob",
    email: "bob@example.com",
    phoneNumber: "13800000002",
    jobTitle: "Manager",
  }),
  account("a3", "carol", ["root"], { displayName: "Carol", email: "carol@example.com" }),
  account("a4", "dan", ["be"], { displayName: "Dan", email: "dan@example.com" }),
];

async function setup(options: { dryRun?: boolean } = {}) {
  const corp = await sb.corp();
  const client = sb.client(corp, { dryRun: options.dryRun });
  return { corp, client, store: new MemorySyncStore() };
}

async function plan(client: DingTalkClient, store: MemorySyncStore, dir: Directory) {
  const snapshot = await readSnapshot(client, 1, { pageSize: 2 });
  return planSync({ sourceRootIds: ["root"], rules: defaultRules(), ...dir, snapshot, bindings: store.list() });
}

async function sync(client: DingTalkClient, store: MemorySyncStore, dir: Directory, confirmDeletes = false) {
  const p = await plan(client, store, dir);
  return { plan: p, result: await applyPlan({ plan: p, client, store, confirmDeletes }) };
}

type State = {
  departments: { dept_id: number; name: string; parent_id: number }[];
  users: { userid: string; dept_id_list: number[]; title?: string; mobile?: string }[];
};
const state = (corpId: string) => sb.admin<State>("GET", `/_sandbox/state?corpId=${corpId}`);

describe("applyPlan against the sandbox", () => {
  it("runs a full sync, then re-plans to zero ops; a change gives exactly that op", async () => {
    const { corp, client, store } = await setup();
    const first = await sync(client, store, { ous: baseOus(), accounts: people() });
    expect(first.result).toMatchObject({ status: "succeeded", created: 7, failed: 0 });
    const s = await state(corp.corpId);
    const eng = s.departments.find((d) => d.name === "Engineering");
    const be = s.departments.find((d) => d.name === "Backend");
    expect(be?.parent_id).toBe(eng?.dept_id);
    expect(s.users.find((u) => u.userid === "alice")).toMatchObject({
      dept_id_list: [be?.dept_id],
      mobile: "+86-13800000001",
    });
    expect(s.users.find((u) => u.userid === "carol")?.dept_id_list).toEqual([1]);
    expect(store.list()).toHaveLength(7);

    expect((await plan(client, store, { ous: baseOus(), accounts: people() })).ops).toEqual([]);

    const changed = people().map((a) => (a.id === "a1" ? { ...a, jobTitle: "Lead" } : a));
    const second = await sync(client, store, { ous: baseOus(), accounts: changed });
    expect(second.plan.ops).toHaveLength(1);
    expect(second.plan.ops[0]).toMatchObject({
      kind: "user_update",
      remoteId: "alice",
      diff: [{ field: "title", before: null, after: "Lead" }],
    });
    expect(second.result).toMatchObject({ status: "succeeded", updated: 1 });
    expect((await state(corp.corpId)).users.find((u) => u.userid === "alice")?.title).toBe("Lead");
    expect((await plan(client, store, { ous: baseOus(), accounts: changed })).ops).toEqual([]);
  });

  it("reports the counters (created, failed...) with each object, not only how many are done", async () => {
    const { client, store } = await setup();
    // carol's 60-character e-mail is refused by the plan: one failure among the creates.
    const accounts = people().map((a) => (a.id === "a3" ? { ...a, email: `${"c".repeat(60)}@example.com` } : a));
    const p = await plan(client, store, { ous: baseOus(), accounts });
    const seen: ApplyProgress[] = [];
    const result = await applyPlan({ plan: p, client, store, onProgress: (progress) => seen.push(progress) });
    expect(result).toMatchObject({ status: "partially_succeeded", created: 6, failed: 1 });
    expect(seen).toHaveLength(p.ops.length);
    // Mid-run, the counters already say what happened so far, and they only grow.
    expect(seen.some((s) => s.processed < s.total && s.counts.created > 0)).toBe(true);
    for (const [i, s] of seen.entries()) {
      expect(s.counts.processed).toBe(i + 1);
      expect(s.counts.created + s.counts.failed).toBe(i + 1);
      if (i > 0) expect(s.counts.created).toBeGreaterThanOrEqual(seen[i - 1].counts.created);
    }
    expect(seen.at(-1)!.counts).toMatchObject({ created: 6, failed: 1, refused: 1 });
  });

  it("binds on 60102 (the userid appeared after planning) and on 60104 when the identifier agrees", async () => {
    const { client, store } = await setup();
    const p = await plan(client, store, {
      ous: [ou("root", "Acme", null)],
      accounts: people().slice(2, 3),
      rules: defaultRules("email"),
    });
    await client.createUser({ userid: "carol", name: "Someone", email: "carol@example.com", deptIdList: [1] });
    const result = await applyPlan({ plan: p, client, store });
    expect(result).toMatchObject({ status: "succeeded", bound: 1 });
    expect(store.records[0]).toMatchObject({
      action: "bind",
      status: "succeeded",
      reason: { code: "bound_by_userid" },
    });
    expect(store.records[0].diff).toContainEqual({ field: "name", before: "Someone", after: "Carol" });
    expect((await client.getUser("carol")).name).toBe("Carol");

    const byMobile = await setup();
    const alice = people()
      .slice(0, 1)
      .map((a) => ({ ...a, ouIds: ["root"], primaryOuId: "root" }));
    const p2 = await plan(byMobile.client, byMobile.store, {
      ous: [ou("root", "Acme", null)],
      accounts: alice,
      rules: defaultRules("mobile"),
    });
    await byMobile.client.createUser({ userid: "dt-alice", name: "A.", mobile: "13800000001", deptIdList: [1] });
    await applyPlan({ plan: p2, client: byMobile.client, store: byMobile.store });
    expect(byMobile.store.records[0]).toMatchObject({
      action: "bind",
      status: "succeeded",
      remoteId: "dt-alice",
      reason: { code: "bound_by_mobile" },
    });
    expect(byMobile.store.binding("user", "a1")?.remoteId).toBe("dt-alice");
  });

  it("records a 60104 conflict naming both accounts when the identifier disagrees, and carries on", async () => {
    const { client, store } = await setup();
    const accounts = people().map((a) => ({ ...a, ouIds: ["root"], primaryOuId: "root" }));
    const p = await plan(client, store, { ous: [ou("root", "Acme", null)], accounts, rules: defaultRules("email") });
    await client.createUser({
      userid: "stranger",
      name: "Stranger",
      mobile: "+86-13800000001",
      email: "stranger@example.com",
      deptIdList: [1],
    });
    const result = await applyPlan({ plan: p, client, store });
    expect(result).toMatchObject({ status: "partially_succeeded", failed: 1, created: 3 });
    const failed = store.records.find((r) => r.status === "failed");
    expect(failed).toMatchObject({
      localId: "a1",
      errcode: 60104,
      reason: {
        code: "clash_with_user",
        params: { userid: "stranger", name: "Stranger", account: "Alice", field: "mobile", value: "+86-13800000001" },
      },
    });
    expect(store.binding("user", "a1")).toBeUndefined();
  });

  it("re-creates a user that vanished between plan and apply (60121 on update)", async () => {
    const { client, store } = await setup();
    const dir = { ous: [ou("root", "Acme", null)], accounts: people().slice(2, 3) };
    await sync(client, store, dir);
    const p = await plan(client, store, { ...dir, accounts: [{ ...dir.accounts[0], jobTitle: "CFO" }] });
    await client.deleteUser("carol");
    expect(await applyPlan({ plan: p, client, store })).toMatchObject({ status: "succeeded", created: 1 });
    expect((await client.getUser("carol")).title).toBe("CFO");
  });

  it("deletes users before their departments and children before parents; holds deletes over the threshold", async () => {
    const { corp, client, store } = await setup();
    await sync(client, store, { ous: baseOus(), accounts: people() });
    // Engineering and Backend leave; alice and dan (Backend) are deleted; bob stays in Sales.
    const dir = {
      ous: [ou("root", "Acme", null), ou("sales", "Sales", "root", 2)],
      accounts: people().filter((a) => a.id === "a2" || a.id === "a3"),
    };
    const held = await sync(client, store, dir);
    expect(held.plan.held).toMatchObject({ deletes: 2, bound: 4 });
    expect(held.result.status).toBe("held");
    expect(store.records.filter((r) => r.reason.code === "held_for_confirmation")).toHaveLength(4);
    expect((await state(corp.corpId)).users.map((u) => u.userid).sort()).toEqual(["alice", "bob", "carol", "dan"]);

    store.records.length = 0;
    const confirmed = await sync(client, store, dir, true);
    expect(confirmed.result).toMatchObject({ status: "succeeded", deleted: 4, failed: 0 });
    const order = store.records.map((r) => `${r.action} ${r.displayName}`);
    expect(order.slice(-4)).toEqual(["delete Alice", "delete Dan", "delete Backend", "delete Engineering"]);
    const s = await state(corp.corpId);
    expect(s.departments.map((d) => d.name).sort()).toEqual([corp.corpId, "Sales"].sort());
    expect((await plan(client, store, dir)).ops).toEqual([]);
  });

  it("moves a department under a parent created in the same run, and binds on 60008", async () => {
    const { corp, client, store } = await setup();
    await sync(client, store, { ous: baseOus(), accounts: people() });
    const ous = [
      ...baseOus().filter((o) => o.id !== "be"),
      ou("platform", "Platform", "root", 3),
      ou("be", "Backend", "platform", 1),
      ou("ops", "Ops", "root", 4),
    ];
    const p = await plan(client, store, { ous, accounts: people() });
    expect(p.ops.map((op) => `${op.kind} ${op.localId}`)).toEqual([
      "dept_create platform",
      "dept_create ops",
      "dept_move be",
    ]);
    await client.createDepartment({ name: "Ops", parentId: 1 }); // appears between plan and apply
    store.records.length = 0;
    const result = await applyPlan({ plan: p, client, store });
    expect(result).toMatchObject({ status: "succeeded", created: 1, bound: 1 });
    expect(store.records[1]).toMatchObject({ action: "bind", reason: { code: "matched_on_name_conflict" } });
    const s = await state(corp.corpId);
    const platform = s.departments.find((d) => d.name === "Platform");
    expect(s.departments.find((d) => d.name === "Backend")?.parent_id).toBe(platform?.dept_id);
    expect((await plan(client, store, { ous, accounts: people() })).ops).toEqual([]);
  });

  it("dry run: the same plan, records only, zero writes reach the sandbox", async () => {
    const { corp, client, store } = await setup({ dryRun: true });
    const p = await plan(client, store, { ous: baseOus(), accounts: people() });
    const result = await applyPlan({ plan: p, client, store });
    expect(result).toMatchObject({ status: "succeeded", planned: p.ops.length, created: 0, failed: 0 });
    expect(store.list()).toEqual([]);
    const calls = await sb.calls(corp.corpId);
    const writes = Object.keys(calls.byPath).filter((path) => /create|update|delete/.test(path));
    expect(writes).toEqual([]);
    expect((await state(corp.corpId)).users).toEqual([]);
  });

  it("stops between objects when cancelled", async () => {
    const { client, store } = await setup();
    const controller = new AbortController();
    const p = await plan(client, store, { ous: baseOus(), accounts: people() });
    const result = await applyPlan({
      plan: p,
      client,
      store,
      signal: controller.signal,
      onProgress: ({ processed }) => processed === 2 && controller.abort(),
    });
    expect(result).toMatchObject({ status: "cancelled", processed: 2 });
    expect(store.records).toHaveLength(2);
  });
});
