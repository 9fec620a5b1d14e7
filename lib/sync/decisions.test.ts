// An administrator's answers to conflicts (link, skip), disabled accounts, and what the review shows
// of a matched DingTalk user: planned from a hand-built snapshot, and what a targeted read needs.
import { describe, expect, it } from "vitest";
import { mappingFieldCatalog } from "@/lib/mapping";
import { compileSyncRules } from "./mapping";
import { planSync } from "./plan";
import { snapshotNeeds } from "./targeted";
import { account, defaultRules, ou } from "./testing";
import type { BindingRecord, DingTalkSnapshot, MatchDecision, PlanInput, SnapshotUser, SourceAccount } from "./types";

const T = 1;
const SALES = 7;
const SUPPORT = 8;
const dtUser = (userid: string, fields: Record<string, string>, deptIdList = [T]): SnapshotUser => ({
  userid,
  deptIdList,
  fields: { name: userid, ...fields },
});
const snapshot = (users: SnapshotUser[]): DingTalkSnapshot => ({
  targetDeptId: T,
  targetLevel: 1,
  departments: [
    { deptId: SALES, name: "Sales", parentId: T },
    { deptId: SUPPORT, name: "Support", parentId: T },
  ],
  users,
});
const userBinding = (localId: string, remoteId: string): BindingRecord => ({
  objectType: "user",
  localId,
  remoteId,
  contentHash: null,
});
const link = (localId: string, remoteId: string): MatchDecision => ({ localId, decision: "link", remoteId });
const skip = (localId: string): MatchDecision => ({ localId, decision: "skip" });

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    sourceRootIds: ["root"],
    ous: [ou("root", "Acme", null)],
    accounts: [],
    rules: defaultRules("email"),
    snapshot: snapshot([]),
    bindings: [],
    ...overrides,
  };
}
const summary = (ops: ReturnType<typeof planSync>["ops"]) =>
  ops.map((op) => `${op.kind} ${op.localId} ${op.reason.code}`);

const alice = (extra: Partial<SourceAccount> = {}) =>
  account("a1", "alice", ["root"], {
    displayName: "Alice",
    email: "alice@example.com",
    phoneNumber: "13800000001",
    ...extra,
  });
const bob = (extra: Partial<SourceAccount> = {}) =>
  account("b1", "bob", ["root"], { displayName: "Bob", email: "bob@example.com", ...extra });
/** The DingTalk user an administrator links Alice to: nothing of Alice's identifies her. */
const zhangWei = dtUser("dt-zw", { name: "Zhang Wei", email: "zw@corp.example", mobile: "+86-13900000000" }, [
  SALES,
  SUPPORT,
]);
/** Alice in sync with her account, bound as "alice". */
const aliceInSync = dtUser("alice", { name: "Alice", email: "alice@example.com", mobile: "+86-13800000001" });

describe("a link decision for an unbound account", () => {
  it("binds the account to the linked user, names that user, and updates the diff", () => {
    const without = planSync(input({ accounts: [alice()], snapshot: snapshot([zhangWei]) }));
    expect(summary(without.ops)).toEqual(["user_create a1 new"]);

    const plan = planSync(
      input({ accounts: [alice()], snapshot: snapshot([zhangWei]), decisions: [link("a1", "dt-zw")] }),
    );
    expect(plan.ops).toHaveLength(1);
    expect(plan.ops[0]).toMatchObject({
      kind: "user_bind",
      localId: "a1",
      remoteId: "dt-zw",
      reason: { code: "linked_by_admin", params: { userid: "dt-zw" } },
      existing: { userid: "dt-zw", name: "Zhang Wei", departments: "Sales, Support" },
      departments: [{ deptId: T }],
      identifier: { field: "email", value: "alice@example.com" },
    });
    expect(plan.ops[0].diff).toEqual(
      expect.arrayContaining([
        { field: "name", before: "Zhang Wei", after: "Alice" },
        { field: "email", before: "zw@corp.example", after: "alice@example.com" },
        { field: "mobile", before: "+86-13900000000", after: "+86-13800000001" },
        { field: "dept_id_list", before: `${SALES},${SUPPORT}`, after: String(T) },
      ]),
    );
    expect(plan.counts).toMatchObject({ user_bind: 1, user_create: 0 });
  });

  it("wins over the user the identifier would match, which stays out of the plan", () => {
    const sameEmail = dtUser("dt-alice", { email: "alice@example.com" });
    const plan = planSync(
      input({ accounts: [alice()], snapshot: snapshot([sameEmail, zhangWei]), decisions: [link("a1", "dt-zw")] }),
    );
    expect(plan.ops.map((op) => [op.kind, op.localId, op.remoteId])).toEqual([["user_bind", "a1", "dt-zw"]]);
  });

  it.each([
    ["the linked account first", (a: SourceAccount, b: SourceAccount) => [a, b]],
    ["the other account first", (a: SourceAccount, b: SourceAccount) => [b, a]],
  ])("reserves the user: another account's identifier does not match it (%s)", (_, order) => {
    const contender = bob({ email: "zw@corp.example" });
    const unlinked = planSync(input({ accounts: [contender], snapshot: snapshot([zhangWei]) }));
    expect(unlinked.ops).toMatchObject([{ kind: "user_bind", localId: "b1", remoteId: "dt-zw" }]);

    const plan = planSync(
      input({ accounts: order(alice(), contender), snapshot: snapshot([zhangWei]), decisions: [link("a1", "dt-zw")] }),
    );
    const byAccount = new Map(plan.ops.map((op) => [op.localId, op]));
    expect(byAccount.get("a1")).toMatchObject({ kind: "user_bind", remoteId: "dt-zw" });
    // Bob is created; DingTalk holds his e-mail, so the review shows it as a conflict naming Zhang Wei.
    expect(byAccount.get("b1")).toMatchObject({
      kind: "user_create",
      userid: "bob",
      holders: { email: { userid: "dt-zw", name: "Zhang Wei" } },
    });
  });

  it("reserves the user from fallback matching too", () => {
    const contender = bob({ phoneNumber: "13900000000" });
    const fallbacks = { matchFallbacks: ["mobile" as const], snapshot: snapshot([zhangWei]) };
    const unlinked = planSync(input({ accounts: [contender], ...fallbacks }));
    expect(unlinked.ops).toMatchObject([
      { kind: "user_bind", remoteId: "dt-zw", reason: { code: "matched_by_fallback" } },
    ]);

    const plan = planSync(input({ accounts: [contender, alice()], ...fallbacks, decisions: [link("a1", "dt-zw")] }));
    expect(plan.ops.map((op) => [op.kind, op.localId, op.remoteId])).toEqual([
      ["user_create", "b1", undefined],
      ["user_bind", "a1", "dt-zw"],
    ]);
  });

  it("refuses a link to a user bound to another account, and leaves that binding alone", () => {
    const carol = account("c1", "carol", ["root"], { displayName: "Zhang Wei", email: "zw@corp.example" });
    const zw = dtUser("dt-zw", { name: "Zhang Wei", email: "zw@corp.example" });
    const plan = planSync(
      input({
        accounts: [alice(), carol],
        snapshot: snapshot([zw]),
        bindings: [userBinding("c1", "dt-zw")],
        decisions: [link("a1", "dt-zw")],
      }),
    );
    expect(plan.ops).toEqual([
      {
        objectType: "user",
        kind: "user_invalid",
        localId: "a1",
        displayName: "Alice",
        warnings: [],
        problems: [{ field: "userid", code: "taken" }],
        diff: [],
        reason: { code: "link_target_taken", params: { userid: "dt-zw", name: "Zhang Wei" } },
      },
    ]);
  });

  it("gives the user to the first of two accounts linked to it; the second is refused", () => {
    const plan = planSync(
      input({
        accounts: [alice(), bob()],
        snapshot: snapshot([zhangWei]),
        decisions: [link("a1", "dt-zw"), link("b1", "dt-zw")],
      }),
    );
    expect(plan.ops.map((op) => [op.kind, op.localId, op.remoteId, op.reason])).toEqual([
      ["user_bind", "a1", "dt-zw", { code: "linked_by_admin", params: { userid: "dt-zw" } }],
      ["user_invalid", "b1", undefined, { code: "link_target_taken", params: { userid: "dt-zw", name: "Zhang Wei" } }],
    ]);
  });
});

describe("a skip decision", () => {
  it("plans nothing for an unbound account the identifier would match or that would be created", () => {
    const sameEmail = dtUser("dt-alice", { email: "alice@example.com" });
    const accounts = [alice(), bob()];
    expect(summary(planSync(input({ accounts, snapshot: snapshot([sameEmail]) })).ops)).toEqual([
      "user_bind a1 matched_by_identifier",
      "user_create b1 new",
    ]);
    const plan = planSync(input({ accounts, snapshot: snapshot([sameEmail]), decisions: [skip("a1"), skip("b1")] }));
    expect(plan.ops).toEqual([]);
  });

  it("neither updates nor deprovisions a bound account, even a disabled one", () => {
    const bindings = [userBinding("a1", "alice")];
    const changed = alice({ jobTitle: "Lead" });
    const users = snapshot([aliceInSync]);
    expect(summary(planSync(input({ accounts: [changed], snapshot: users, bindings })).ops)).toEqual([
      "user_update a1 source_changed",
    ]);
    expect(planSync(input({ accounts: [changed], snapshot: users, bindings, decisions: [skip("a1")] })).ops).toEqual(
      [],
    );

    const disabled = alice({ status: "disabled" });
    for (const deprovision of [{ policy: "delete" }, { policy: "unbind" }, { policy: "move", deptId: 99 }] as const) {
      const plan = planSync(
        input({ accounts: [disabled], snapshot: users, bindings, deprovision, decisions: [skip("a1")] }),
      );
      expect(plan.ops).toEqual([]);
      expect(plan.held).toBeUndefined();
    }
  });

  it("leaves the user of a skipped account that left the scope, or was deleted, as it is", () => {
    const bindings = [userBinding("a1", "alice")];
    const users = snapshot([aliceInSync]);
    const elsewhere = alice({ ouIds: ["other"], primaryOuId: "other" });
    const ous = [ou("root", "Acme", null), ou("other", "Other", null)];
    const settings = { ous, snapshot: users, bindings, deleteThresholdPercent: 100 };
    expect(summary(planSync(input({ ...settings, accounts: [elsewhere] })).ops)).toEqual([
      "user_delete a1 account_out_of_scope",
    ]);
    expect(planSync(input({ ...settings, accounts: [elsewhere], decisions: [skip("a1")] })).ops).toEqual([]);
    expect(planSync(input({ ...settings, accounts: [], decisions: [skip("a1")] })).ops).toEqual([]);
  });
});

describe("a linked user is reserved on the create path too", () => {
  it("an account whose userid is the linked user's is refused, in either order; the linked account binds it", () => {
    const x = dtUser("x", { name: "X" });
    const taker = account("t1", "x", ["root"], { displayName: "Taker" });
    const linked = account("l1", "linda", ["root"], { displayName: "Linda" });
    for (const accounts of [
      [taker, linked],
      [linked, taker],
    ]) {
      const plan = planSync(
        input({ rules: defaultRules("userid"), accounts, snapshot: snapshot([x]), decisions: [link("l1", "x")] }),
      );
      expect(summary(plan.ops).sort()).toEqual(["user_bind l1 linked_by_admin", "user_invalid t1 userid_taken"]);
    }
  });
});

describe("disabled accounts", () => {
  const disabled = alice({ status: "disabled" });

  it("are not created, nor bound to the user their identifier matches", () => {
    const sameEmail = dtUser("dt-alice", { email: "alice@example.com" });
    expect(planSync(input({ accounts: [disabled] })).ops).toEqual([]);
    expect(planSync(input({ accounts: [disabled], snapshot: snapshot([sameEmail]) })).ops).toEqual([]);
    expect(
      planSync(input({ accounts: [disabled], decisions: [link("a1", "dt-zw")], snapshot: snapshot([zhangWei]) })).ops,
    ).toEqual([]);
  });

  it("a bound one's user is deleted under the delete policy (the default), counted toward the threshold", () => {
    const bindings = [userBinding("a1", "alice")];
    for (const deprovision of [undefined, { policy: "delete" } as const]) {
      const plan = planSync(input({ accounts: [disabled], snapshot: snapshot([aliceInSync]), bindings, deprovision }));
      expect(plan.ops).toEqual([
        {
          objectType: "user",
          kind: "user_delete",
          localId: "a1",
          remoteId: "alice",
          displayName: "Alice",
          warnings: [],
          diff: [{ field: "userid", before: "alice", after: null }],
          reason: { code: "account_disabled", params: { remotePresent: true } },
        },
      ]);
      // One delete of one bound user is over the default 20 %.
      expect(plan.held).toMatchObject({ deletes: 1, bound: 1, reason: { code: "delete_threshold_percent" } });
    }
    const gone = planSync(input({ accounts: [disabled], bindings, deleteThresholdPercent: 100 }));
    expect(gone.ops).toMatchObject([
      {
        kind: "user_delete",
        remoteId: "alice",
        diff: [],
        reason: { code: "account_disabled", params: { remotePresent: false } },
      },
    ]);
  });

  it("a bound one's user goes to the holding department under the move policy", () => {
    const plan = planSync(
      input({
        accounts: [disabled],
        snapshot: snapshot([aliceInSync]),
        bindings: [userBinding("a1", "alice")],
        deprovision: { policy: "move", deptId: 99 },
      }),
    );
    expect(plan.ops).toMatchObject([
      {
        kind: "user_update",
        localId: "a1",
        remoteId: "alice",
        departments: [{ deptId: 99 }],
        diff: [{ field: "dept_id_list", before: String(T), after: "99" }],
        reason: { code: "deprovision_move", params: { left: "disabled", userid: "alice", deptId: 99 } },
      },
    ]);
    expect(plan.held).toBeUndefined();
  });

  it("a bound one is unbound and its user left as it is under the unbind policy", () => {
    const plan = planSync(
      input({
        accounts: [disabled],
        snapshot: snapshot([aliceInSync]),
        bindings: [userBinding("a1", "alice")],
        deprovision: { policy: "unbind" },
      }),
    );
    expect(plan.ops).toMatchObject([
      {
        kind: "user_update",
        remoteId: "alice",
        diff: [],
        reason: { code: "deprovision_unbind", params: { left: "disabled", userid: "alice" } },
      },
    ]);
  });
});

describe("user_bind from matching names the existing user", () => {
  it.each([
    ["the identifier", {}, "matched_by_identifier", { email: "alice@example.com" }, [SALES], "Sales"],
    [
      "a fallback",
      { matchFallbacks: ["mobile" as const] },
      "matched_by_fallback",
      { mobile: "13800000001" },
      [T],
      null,
    ],
  ])("by %s", (_, settings, code, fields, deptIdList, departments) => {
    const remote = dtUser("dt-1", { name: "A. Liddell", ...fields }, deptIdList);
    const plan = planSync(input({ accounts: [alice()], snapshot: snapshot([remote]), ...settings }));
    expect(plan.ops).toMatchObject([
      {
        kind: "user_bind",
        remoteId: "dt-1",
        reason: { code },
        existing: { userid: "dt-1", name: "A. Liddell", departments },
      },
    ]);
  });
});

describe("snapshotNeeds with decisions", () => {
  const needsFor = (
    identifier: "email" | "mobile",
    decisions: MatchDecision[],
    fallbacks: ("email" | "mobile")[] = [],
  ) =>
    snapshotNeeds({
      only: ["a1"],
      sourceRootIds: ["root"],
      targetDeptId: T,
      ous: [ou("root", "Acme", null)],
      accounts: [alice()],
      bindings: [],
      rules: compileSyncRules(defaultRules(identifier), mappingFieldCatalog([])),
      fallbacks,
      decisions,
    });
  const nothing = { full: false, deptIds: [], listSubOf: [], listUsersOf: [], userids: [], mobiles: [] };

  it("reads a linked user by its userid, and never the whole list for an e-mail identifier", () => {
    expect(needsFor("email", [])).toEqual({ full: true, why: "match_by_email" });
    expect(needsFor("email", [link("a1", "dt-zw")])).toEqual({ ...nothing, userids: ["dt-zw"] });
    expect(needsFor("mobile", [link("a1", "dt-zw")], ["email"])).toEqual({ ...nothing, userids: ["dt-zw"] });
  });

  it("needs nothing for a skipped account", () => {
    expect(needsFor("mobile", [])).toEqual({ ...nothing, userids: ["alice"], mobiles: ["+86-13800000001"] });
    expect(needsFor("email", [skip("a1")])).toEqual(nothing);
    expect(needsFor("mobile", [skip("a1")], ["email"])).toEqual(nothing);
  });

  it("what it reads for a link plans what the full snapshot plans", () => {
    const others = [dtUser("dt-alice", { email: "alice@example.com" }), dtUser("dt-other", { email: "o@x.com" })];
    const full = snapshot([...others, zhangWei]);
    const needs = needsFor("email", [link("a1", "dt-zw")]);
    if (needs.full) throw new Error("a link needs no full read");
    const read = { ...full, users: full.users.filter((u) => needs.userids.includes(u.userid)) };
    const plan = (s: DingTalkSnapshot) =>
      planSync(input({ accounts: [alice(), bob()], snapshot: s, only: ["a1"], decisions: [link("a1", "dt-zw")] }));
    expect(plan(read).ops).toEqual(plan(full).ops);
    expect(plan(read).ops).toMatchObject([{ kind: "user_bind", remoteId: "dt-zw", existing: { name: "Zhang Wei" } }]);
  });
});
