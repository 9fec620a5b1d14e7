// A targeted snapshot must plan exactly what the full snapshot plans for the same objects,
// with a handful of calls instead of a walk of the whole corp.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DingTalkClient } from "@/lib/dingtalk";
import { TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import { applyPlan } from "./apply";
import { mappingFieldCatalog, type MappingRule } from "@/lib/mapping";
import { compileSyncRules } from "./mapping";
import { planWithRules } from "./plan";
import { readSnapshot } from "./snapshot";
import { readTargetedSnapshot, snapshotNeeds } from "./targeted";
import { account, defaultRules, MemorySyncStore, ou } from "./testing";
import type { Plan, SourceAccount, SourceOu } from "./types";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

const ous = (): SourceOu[] => [
  ou("root", "Acme", null),
  ou("eng", "Engineering", "root", 1),
  ou("be", "Backend", "eng", 1),
  ou("fe", "Frontend", "eng", 2),
  ou("sales", "Sales", "root", 2),
  ou("empty", "Empty team", "sales", 1),
];
const people = (): SourceAccount[] => [
  account("a1", "alice", ["be"], { displayName: "Alice", email: "alice@example.com", phoneNumber: "13800000001" }),
  account("a2", "bob", ["eng", "sales"], { displayName: "Bob", email: "bob@example.com", phoneNumber: "13800000002" }),
  account("a3", "carol", ["root"], { displayName: "Carol", email: "carol@example.com" }),
  account("a4", "dan", ["fe"], { displayName: "Dan", email: "dan@example.com" }),
];

type Dir = { ous: SourceOu[]; accounts: SourceAccount[]; rules: MappingRule[] };

async function synced(rules: MappingRule[]) {
  const corp = await sb.corp();
  const client = sb.client(corp);
  const store = new MemorySyncStore();
  const dir: Dir = { ous: ous(), accounts: people(), rules };
  const plan = planWithRules(
    { sourceRootIds: ["root"], ...dir, snapshot: await readSnapshot(client, 1), bindings: store.list() },
    compileSyncRules(rules, mappingFieldCatalog([])),
  );
  expect((await applyPlan({ plan, client, store })).failed).toBe(0);
  return { corp, client, store };
}

/** The plan for `only` from the full snapshot and from the targeted one, and the calls the targeted read made. */
async function bothPlans(client: DingTalkClient, store: MemorySyncStore, dir: Dir, only: string[]) {
  const compiled = compileSyncRules(dir.rules, mappingFieldCatalog([]));
  const base = { sourceRootIds: ["root"], ...dir, bindings: store.list(), only };
  const full = planWithRules({ ...base, snapshot: await readSnapshot(client, 1) }, compiled);
  const needs = snapshotNeeds({
    only,
    sourceRootIds: ["root"],
    targetDeptId: 1,
    ...dir,
    bindings: store.list(),
    rules: compiled,
  });
  if (needs.full) throw new Error(`unexpected full read: ${needs.why}`);
  const before = client.stats().requests;
  const targeted = planWithRules({ ...base, snapshot: await readTargetedSnapshot(client, 1, needs) }, compiled);
  return { full, targeted, calls: client.stats().requests - before };
}

const shape = (plan: Plan) =>
  plan.ops.map((op) => ({
    kind: op.kind,
    localId: op.localId,
    remoteId: op.remoteId,
    diff: op.diff,
    reason: op.reason.code,
  }));

describe("targeted snapshot for incremental runs", () => {
  it("plans the same ops as the full snapshot for updates, moves, creates and deletes, in a few calls", async () => {
    const { client, store } = await synced(defaultRules("userid"));
    const changedOus = ous()
      .map((o) => (o.id === "be" ? { ...o, name: "Backend platform" } : o))
      .map((o) => (o.id === "fe" ? { ...o, parentId: "sales" } : o))
      .filter((o) => o.id !== "empty")
      .concat(ou("ops", "Operations", "eng", 3));
    const changedPeople = people()
      .map((a) => (a.id === "a1" ? { ...a, jobTitle: "Lead" } : a))
      .map((a) => (a.id === "a2" ? { ...a, ouIds: ["sales"], primaryOuId: "sales" } : a))
      .filter((a) => a.id !== "a3")
      .concat(account("a5", "erin", ["sales"], { displayName: "Erin" }));
    const dir = { ous: changedOus, accounts: changedPeople, rules: defaultRules("userid") };
    const only = ["be", "fe", "empty", "ops", "a1", "a2", "a3", "a5"];
    const { full, targeted, calls } = await bothPlans(client, store, dir, only);

    expect(shape(targeted)).toEqual(shape(full));
    expect(full.ops.map((op) => `${op.kind}:${op.localId}`).sort()).toEqual(
      [
        "dept_update:be",
        "dept_move:fe",
        "dept_delete:empty",
        "dept_create:ops",
        "user_update:a1",
        "user_update:a2",
        "user_delete:a3",
        "user_create:a5",
      ].sort(),
    );
    // Four departments (3 reads each), three parents' children, four users: far from a walk of the corp.
    expect(calls).toBeLessThanOrEqual(1 + 4 * 3 + 3 + 4);
  });

  it("leaves bound departments it did not read alone, and finds a department deleted in DingTalk", async () => {
    const { client, store } = await synced(defaultRules("userid"));
    const beDept = Number(store.binding("organization", "be")?.remoteId);
    await client.deleteUser("alice");
    await client.deleteDepartment(beDept);
    const dir = { ous: ous(), accounts: people(), rules: defaultRules("userid") };
    const { full, targeted } = await bothPlans(client, store, dir, ["be", "a1"]);
    expect(shape(targeted)).toEqual(shape(full));
    expect(targeted.ops.map((op) => `${op.kind}:${op.localId}:${op.reason.code}`)).toEqual([
      "dept_create:be:remote_missing",
      "user_create:a1:remote_missing",
    ]);
    // Nothing changed for an unchanged account: no op, even though its departments were not read.
    expect((await bothPlans(client, store, dir, ["a4"])).targeted.ops).toEqual([]);
  });

  it("matches an unbound account by mobile through getbymobile, and by userid through user/get", async () => {
    const { client, store } = await synced(defaultRules("mobile"));
    await client.createUser({
      userid: "manual-erin",
      name: "Erin (manual)",
      deptIdList: [1],
      mobile: "+86-13800000009",
    });
    const erin = account("a5", "erin", ["sales"], { displayName: "Erin", phoneNumber: "13800000009" });
    const dir = { ous: ous(), accounts: [...people(), erin], rules: defaultRules("mobile") };
    const { full, targeted } = await bothPlans(client, store, dir, ["a5"]);
    expect(shape(targeted)).toEqual(shape(full));
    expect(targeted.ops[0]).toMatchObject({ kind: "user_bind", remoteId: "manual-erin" });
  });

  it("asks for the full snapshot when an unbound account is matched by e-mail", async () => {
    const rules = defaultRules("email");
    const compiled = compileSyncRules(rules, mappingFieldCatalog([]));
    const newcomer = account("a9", "zed", ["sales"], { email: "zed@example.com" });
    const bound = [{ objectType: "user" as const, localId: "a1", remoteId: "alice", contentHash: null }];
    const input = {
      sourceRootIds: ["root"],
      targetDeptId: 1,
      ous: ous(),
      accounts: [...people(), newcomer],
      bindings: bound,
      rules: compiled,
    };
    expect(snapshotNeeds({ ...input, only: ["a9"] })).toEqual({ full: true, why: "match_by_email" });
    expect(snapshotNeeds({ ...input, only: ["a1"] })).toMatchObject({
      full: false,
      userids: ["alice"],
      deptIds: [],
      mobiles: [],
    });
  });
});
