// Matching precedence (identifier, then enabled fallbacks in order) and every clash code on
// create, planned from the sandbox's state and applied against it over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DingTalkClient } from "@/lib/dingtalk";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import { applyPlan } from "./apply";
import { compileSyncRules } from "./mapping";
import { matchExisting, readMatchFallbacks, type MatchFallback } from "./matching";
import { planSync } from "./plan";
import { readSnapshot } from "./snapshot";
import { snapshotNeeds } from "./targeted";
import { account, defaultRules, MemorySyncStore, ou } from "./testing";
import { mappingFieldCatalog } from "@/lib/mapping";
import type { SourceAccount, UserBindOp } from "./types";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

type Identifier = "userid" | "email" | "mobile" | "job_number";
type SandboxUser = { userid: string; name: string; mobile?: string; email?: string; job_number?: string };

const alice = (extra: Partial<SourceAccount> = {}) =>
  account("a1", "alice", ["root"], {
    displayName: "Alice",
    email: "alice@example.com",
    phoneNumber: "13800000001",
    employeeNumber: "E1",
    ...extra,
  });

async function setup() {
  const corp = await sb.corp();
  const client = sb.client(corp);
  return { corp, client, store: new MemorySyncStore() };
}

function addUser(client: DingTalkClient, user: Partial<SandboxUser> & { userid: string }, deptIdList = [1]) {
  const { job_number, ...rest } = user;
  return client.createUser({ name: user.userid, ...rest, jobNumber: job_number, deptIdList });
}

async function plan(
  client: DingTalkClient,
  store: MemorySyncStore,
  options: { identifier?: Identifier; fallbacks?: MatchFallback[]; accounts?: SourceAccount[] } = {},
) {
  const snapshot = await readSnapshot(client, 1);
  return planSync({
    sourceRootIds: ["root"],
    ous: [ou("root", "Acme", null)],
    accounts: options.accounts ?? [alice()],
    rules: defaultRules(options.identifier ?? "userid"),
    snapshot,
    bindings: store.list(),
    matchFallbacks: options.fallbacks,
  });
}

type State = { users: ({ userid: string; name: string } & Record<string, unknown>)[] };
const userState = async (corp: TestCorp, userid: string) =>
  (await sb.admin<State>("GET", `/_sandbox/state?corpId=${corp.corpId}`)).users.find((u) => u.userid === userid);
const updateCalls = async (corp: TestCorp) => (await sb.calls(corp.corpId)).byPath["/topapi/v2/user/update"];

describe("matching precedence when planning", () => {
  it("the identifier matches first, before any fallback", async () => {
    const { client, store } = await setup();
    await addUser(client, { userid: "alice", name: "A" });
    await addUser(client, { userid: "same-mobile", mobile: "13800000001" });
    const p = await plan(client, store, { fallbacks: ["mobile"] });
    expect(p.ops).toMatchObject([
      { kind: "user_bind", remoteId: "alice", reason: { code: "matched_by_identifier", params: { field: "userid" } } },
    ]);
  });

  it.each([
    ["mobile", { mobile: "13800000001" }, "+86-13800000001"],
    ["email", { email: "ALICE@example.com" }, "alice@example.com"],
    ["job_number", { job_number: "E1" }, "E1"],
  ] as const)("an enabled %s fallback binds the one unbound user with that value", async (field, held, value) => {
    const { client, store, corp } = await setup();
    await addUser(client, { userid: "dt0001", name: "Zhang Wei", ...held });
    await addUser(client, { userid: "bystander", mobile: "13800000009", email: "b@example.com", job_number: "E9" });
    const p = await plan(client, store, { fallbacks: [field] });
    expect(p.ops).toMatchObject([
      { kind: "user_bind", remoteId: "dt0001", reason: { code: "matched_by_fallback", params: { field, value } } },
    ]);
    const result = await applyPlan({ plan: p, client, store });
    expect(result).toMatchObject({ status: "succeeded", bound: 1 });
    expect(store.binding("user", "a1")?.remoteId).toBe("dt0001");
    expect((await userState(corp, "dt0001"))?.name).toBe("Alice");
  });

  it("fallbacks are tried in the administrator's order", async () => {
    const { client, store } = await setup();
    await addUser(client, { userid: "by-mobile", mobile: "13800000001" });
    await addUser(client, { userid: "by-email", email: "alice@example.com" });
    const emailFirst = await plan(client, store, { fallbacks: ["email", "mobile"] });
    expect((emailFirst.ops[0] as UserBindOp).remoteId).toBe("by-email");
    const mobileFirst = await plan(client, store, { fallbacks: ["mobile", "email"] });
    expect((mobileFirst.ops[0] as UserBindOp).remoteId).toBe("by-mobile");
    expect(mobileFirst.ops[0].reason).toEqual({
      code: "matched_by_fallback",
      params: { field: "mobile", value: "+86-13800000001" },
    });
  });

  it("two users with the fallback's value stay refused as ambiguous; a bound user is never matched", async () => {
    const { client, store } = await setup();
    await addUser(client, { userid: "j1", job_number: "E1" });
    await addUser(client, { userid: "j2", job_number: "E1" });
    const p = await plan(client, store, { fallbacks: ["job_number"] });
    expect(p.ops).toMatchObject([
      { kind: "user_invalid", reason: { code: "identifier_ambiguous", params: { field: "job_number", count: 2 } } },
    ]);
    await store.writeBinding({ objectType: "user", localId: "other", remoteId: "j2", contentHash: null });
    const p2 = await plan(client, store, { fallbacks: ["job_number"] });
    expect(p2.ops.find((op) => op.localId === "a1")).toMatchObject({ kind: "user_bind", remoteId: "j1" });
  });

  it("with the fallback off, a user sharing only a mobile is not matched: the create names it as the holder", async () => {
    const { client, store } = await setup();
    const sales = await client.createDepartment({ name: "Sales", parentId: 1 });
    await addUser(client, { userid: "dt0001", name: "Zhang Wei", mobile: "13800000001" }, [sales]);
    const p = await plan(client, store);
    expect(p.ops).toMatchObject([
      {
        kind: "user_create",
        userid: "alice",
        holders: { mobile: { userid: "dt0001", name: "Zhang Wei", departments: "Sales" } },
      },
    ]);
  });

  it("stored fallbacks are read in order, without repeats, unknown values or the identifier's own field", () => {
    expect(readMatchFallbacks('["email","mobile","email","nickname"]', "userid")).toEqual(["email", "mobile"]);
    expect(readMatchFallbacks('["mobile","job_number"]', "mobile")).toEqual(["job_number"]);
    expect(readMatchFallbacks("not json")).toEqual([]);
    expect(readMatchFallbacks(null)).toEqual([]);
  });

  it("an incremental run reads what each fallback needs: by mobile, or the full user list", () => {
    const rules = compileSyncRules(defaultRules("userid"), mappingFieldCatalog([]));
    const base = { only: ["a1"], sourceRootIds: ["root"], targetDeptId: 1, ous: [], accounts: [alice()], bindings: [] };
    expect(snapshotNeeds({ ...base, rules })).toMatchObject({ full: false, userids: ["alice"], mobiles: [] });
    expect(snapshotNeeds({ ...base, rules, fallbacks: ["mobile"] })).toMatchObject({
      full: false,
      mobiles: ["+86-13800000001"],
    });
    expect(snapshotNeeds({ ...base, rules, fallbacks: ["mobile", "email"] })).toEqual({
      full: true,
      why: "match_by_email",
    });
    expect(snapshotNeeds({ ...base, rules, fallbacks: ["job_number"] })).toEqual({
      full: true,
      why: "match_by_job_number",
    });
  });
});

describe("a clash on create (the holder appeared after planning, or was not matched)", () => {
  it("60102 with the userid identifier is a match by the identifier: adopted and updated", async () => {
    const { client, store, corp } = await setup();
    const p = await plan(client, store);
    await addUser(client, { userid: "alice", name: "Someone" });
    const result = await applyPlan({ plan: p, client, store });
    expect(result).toMatchObject({ status: "succeeded", bound: 1 });
    expect(store.records[0]).toMatchObject({ action: "bind", reason: { code: "bound_by_userid" } });
    expect((await userState(corp, "alice"))?.name).toBe("Alice");
  });

  it("60102 with another identifier that disagrees is a conflict naming the holder; nothing is written", async () => {
    const { client, store, corp } = await setup();
    const p = await plan(client, store, { identifier: "email" });
    await addUser(client, { userid: "alice", name: "Other Alice", email: "other@example.com" });
    const result = await applyPlan({ plan: p, client, store });
    expect(result).toMatchObject({ failed: 1 });
    expect(store.records[0]).toMatchObject({
      status: "failed",
      errcode: 60102,
      reason: {
        code: "clash_with_user",
        params: { field: "userid", value: "alice", userid: "alice", name: "Other Alice", account: "Alice" },
      },
    });
    expect(await userState(corp, "alice")).toMatchObject({ name: "Other Alice", email: "other@example.com" });
    expect(await updateCalls(corp)).toBeUndefined();
    expect(store.list()).toEqual([]);
  });

  it("with identifier userid and no fallback, a 60104 never writes the DingTalk user", async () => {
    const { client, store, corp } = await setup();
    const sales = await client.createDepartment({ name: "Sales", parentId: 1 });
    await addUser(client, { userid: "dt0001", name: "Zhang Wei", mobile: "13800000001", email: "zw@example.com" }, [
      sales,
    ]);
    const before = await userState(corp, "dt0001");
    const p = await plan(client, store);
    const result = await applyPlan({ plan: p, client, store });
    expect(result).toMatchObject({ failed: 1, bound: 0 });
    expect(store.records[0]).toMatchObject({
      status: "failed",
      errcode: 60104,
      reason: {
        code: "clash_with_user",
        params: {
          field: "mobile",
          value: "+86-13800000001",
          userid: "dt0001",
          name: "Zhang Wei",
          departments: "Sales",
          account: "Alice",
        },
      },
    });
    expect(await userState(corp, "dt0001")).toEqual(before);
    expect(await updateCalls(corp)).toBeUndefined();
    expect(store.list()).toEqual([]);
  });

  it("60104 is adopted when the mobile fallback is on (the holder appeared after planning)", async () => {
    const { client, store, corp } = await setup();
    const p = await plan(client, store, { fallbacks: ["mobile"] });
    await addUser(client, { userid: "dt0001", name: "Zhang Wei", mobile: "+86-13800000001" });
    const result = await applyPlan({ plan: p, client, store });
    expect(result).toMatchObject({ status: "succeeded", bound: 1 });
    expect(store.records[0]).toMatchObject({
      action: "bind",
      remoteId: "dt0001",
      reason: { code: "bound_by_fallback", params: { userid: "dt0001", field: "mobile" } },
    });
    expect((await userState(corp, "dt0001"))?.name).toBe("Alice");
  });

  it("60104 with only the e-mail fallback on (and another e-mail) is still a conflict", async () => {
    const { client, store, corp } = await setup();
    const p = await plan(client, store, { fallbacks: ["email"] });
    await addUser(client, { userid: "dt0001", name: "Zhang Wei", mobile: "13800000001", email: "zw@example.com" });
    await applyPlan({ plan: p, client, store });
    expect(store.records[0]).toMatchObject({ status: "failed", reason: { code: "clash_with_user" } });
    expect((await userState(corp, "dt0001"))?.name).toBe("Zhang Wei");
  });

  it("60106 is a conflict naming the holder under the target node, or saying it is outside the scope", async () => {
    const { client, store, corp } = await setup();
    const sales = await client.createDepartment({ name: "Sales", parentId: 1 });
    await addUser(client, { userid: "dt0002", name: "Li Na", email: "alice@example.com" }, [sales]);
    const p = await plan(client, store);
    await applyPlan({ plan: p, client, store });
    expect(store.records[0]).toMatchObject({
      status: "failed",
      errcode: 60106,
      reason: {
        code: "clash_with_user",
        params: { field: "email", value: "alice@example.com", userid: "dt0002", name: "Li Na", departments: "Sales" },
      },
    });
    expect((await userState(corp, "dt0002"))?.name).toBe("Li Na");

    // The synced department is Sales' sibling: the holder is outside what the run read.
    const other = await setup();
    const target = await other.client.createDepartment({ name: "Synced", parentId: 1 });
    await addUser(other.client, { userid: "dt0003", name: "Wang Fang", email: "alice@example.com" });
    const snapshot = await readSnapshot(other.client, target);
    const p2 = planSync({
      sourceRootIds: ["root"],
      ous: [ou("root", "Acme", null)],
      accounts: [alice()],
      rules: defaultRules("userid"),
      snapshot,
      bindings: [],
    });
    await applyPlan({ plan: p2, client: other.client, store: other.store });
    expect(other.store.records[0]).toMatchObject({
      status: "failed",
      errcode: 60106,
      reason: { code: "clash_outside_scope", params: { field: "email", value: "alice@example.com", account: "Alice" } },
    });
    expect(await updateCalls(other.corp)).toBeUndefined();
  });

  it("matchExisting: the identifier, then the first enabled fallback that agrees, else nothing", () => {
    const remote = { userid: "dt1", fields: { mobile: "+86-13800000001", email: "A@x.com" } };
    const id = { field: "userid", value: "alice" };
    expect(matchExisting(remote, { field: "userid", value: "dt1" }, [], 60102)).toEqual({
      by: "identifier",
      field: "userid",
    });
    expect(matchExisting(remote, id, [], 60104)).toBeUndefined();
    expect(matchExisting(remote, id, [{ field: "mobile", value: "13800000001" }], 60104)).toEqual({
      by: "fallback",
      field: "mobile",
    });
    expect(matchExisting(remote, { field: "email", value: null }, [], 60102)).toBeUndefined();
    expect(matchExisting(remote, { field: "email", value: "a@x.com" }, [], 60102)).toEqual({
      by: "identifier",
      field: "email",
    });
  });
});
