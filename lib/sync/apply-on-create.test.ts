// Apply on create: a rule whose value is written only when the console creates the DingTalk user.
import { describe, expect, it } from "vitest";
import { userRule } from "@/lib/mapping";
import { planSync } from "./plan";
import { account, defaultRules, ou } from "./testing";
import type { PlanInput, SnapshotUser, UserBindOp, UserCreateOp, UserUpdateOp } from "./types";

const rules = () =>
  defaultRules("userid").map((r) =>
    r.objectType === "user" && r.targetField === "title" ? { ...r, applyOn: "create" as const } : r,
  );
const dt = (userid: string, fields: Record<string, string>): SnapshotUser => ({
  userid,
  deptIdList: [1],
  fields: { name: userid, ...fields },
});
const input = (overrides: Partial<PlanInput>): PlanInput => ({
  sourceRootIds: ["root"],
  ous: [ou("root", "Acme", null)],
  accounts: [],
  rules: rules(),
  snapshot: { targetDeptId: 1, targetLevel: 1, departments: [], users: [] },
  bindings: [],
  ...overrides,
});
const alice = (jobTitle: string, extra = {}) =>
  account("a1", "alice", ["root"], { displayName: "Alice", email: "alice@example.com", jobTitle, ...extra });

describe("a rule applied on create only", () => {
  it("is written when the console creates the user", () => {
    const [op] = planSync(input({ accounts: [alice("Engineer")] })).ops as UserCreateOp[];
    expect(op.kind).toBe("user_create");
    expect(op.fields.title).toBe("Engineer");
    expect(op.diff).toContainEqual({ field: "title", before: null, after: "Engineer" });
  });

  it("is left alone on a bound user: a title edited in DingTalk (or in the console) is no change", () => {
    const bindings = [{ objectType: "user" as const, localId: "a1", remoteId: "alice", contentHash: null }];
    const there = dt("alice", { name: "Alice", email: "alice@example.com", title: "Edited in DingTalk" });
    const snapshot = { targetDeptId: 1, targetLevel: 1, departments: [], users: [there] };
    expect(planSync(input({ accounts: [alice("Engineer")], bindings, snapshot })).ops).toEqual([]);
    // Another field changes: the update carries that field, never the title.
    const moved = planSync(input({ accounts: [alice("Engineer", { email: "a@example.com" })], bindings, snapshot }));
    const [update] = moved.ops as UserUpdateOp[];
    expect(update.kind).toBe("user_update");
    expect(update.diff.map((d) => d.field)).toEqual(["email"]);
    // Without the setting, the same plan writes the title back.
    const always = planSync(
      input({ accounts: [alice("Engineer")], bindings, snapshot, rules: defaultRules("userid") }),
    );
    expect((always.ops as UserUpdateOp[])[0].diff.map((d) => d.field)).toEqual(["title"]);
  });

  it("is left alone on an existing user the identifier matches, and carried for a clash adopted at write time", () => {
    const there = dt("alice", { name: "Old", email: "alice@example.com", title: "Their own" });
    const snapshot = { targetDeptId: 1, targetLevel: 1, departments: [], users: [there] };
    const [bind] = planSync(input({ accounts: [alice("Engineer")], snapshot })).ops as UserBindOp[];
    expect(bind.kind).toBe("user_bind");
    expect(bind.diff.map((d) => d.field)).toEqual(["name"]);
    expect(bind.createOnly).toEqual(["title"]);
  });

  it("never applies to the identifier or the userid", () => {
    const withIdentifier = rules().map((r) => (r.targetField === "userid" ? { ...r, applyOn: "create" as const } : r));
    const bindings = [{ objectType: "user" as const, localId: "a1", remoteId: "alice", contentHash: null }];
    const snapshot = { targetDeptId: 1, targetLevel: 1, departments: [], users: [dt("alice", { name: "Alice" })] };
    const plan = planSync(input({ accounts: [alice("Engineer")], bindings, snapshot, rules: withIdentifier }));
    expect((plan.ops[0] as UserUpdateOp | undefined)?.createOnly ?? []).not.toContain("userid");
    expect(userRule("title", "idpUser.jobTitle", { applyOn: "create" }).applyOn).toBe("create");
  });
});
