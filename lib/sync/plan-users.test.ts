import { describe, expect, it } from "vitest";
import { planSync } from "./plan";
import { account, defaultRules, ou } from "./testing";
import type { BindingRecord, DingTalkSnapshot, PlanInput, SnapshotUser } from "./types";

const T = 1;
const dtUser = (userid: string, fields: Record<string, string>, deptIdList = [T]): SnapshotUser => ({
  userid,
  deptIdList,
  fields: { name: userid, ...fields },
});
const snapshot = (users: SnapshotUser[] = []): DingTalkSnapshot => ({
  targetDeptId: T,
  targetLevel: 1,
  departments: [],
  users,
});

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    sourceRootIds: ["root"],
    ous: [ou("root", "Acme", null)],
    accounts: [],
    rules: defaultRules(),
    snapshot: snapshot(),
    bindings: [],
    ...overrides,
  };
}

const alice = account("a1", "alice", ["root"], {
  displayName: "Alice",
  email: "alice@example.com",
  phoneNumber: "13800000001",
  employeeNumber: "E1",
});
const userBinding = (localId: string, remoteId: string, contentHash: string | null = null): BindingRecord => ({
  objectType: "user",
  localId,
  remoteId,
  contentHash,
});

describe("planning users: matching unbound accounts", () => {
  it.each([
    ["email", dtUser("dt1", { email: "ALICE@example.com" })],
    ["mobile", dtUser("dt1", { mobile: "13800000001" })],
    ["job_number", dtUser("dt1", { job_number: "E1" })],
    ["userid", dtUser("alice", {})],
  ] as const)("matches by %s, binds and updates the diff", (identifier, remote) => {
    const other = dtUser("bystander", {
      email: "alice@example.com".replace("alice", "bob"),
      mobile: "13800000009",
      job_number: "E9",
    });
    const plan = planSync(
      input({ accounts: [alice], rules: defaultRules(identifier), snapshot: snapshot([other, remote]) }),
    );
    expect(plan.ops.map((op) => [op.kind, op.remoteId])).toEqual([["user_bind", remote.userid]]);
    const op = plan.ops[0];
    expect(op.reason).toEqual({
      code: "matched_by_identifier",
      params: expect.objectContaining({ field: identifier }),
    });
    expect(op.diff.find((d) => d.field === "name")).toEqual({ field: "name", before: remote.userid, after: "Alice" });
    expect(op.diff.some((d) => d.field === identifier)).toBe(false);
  });

  it("creates an unmatched account with userid = username and never touches other DingTalk users", () => {
    const plan = planSync(
      input({ accounts: [alice], snapshot: snapshot([dtUser("dt9", { email: "zz@example.com" })]) }),
    );
    expect(plan.ops).toHaveLength(1);
    expect(plan.ops[0]).toMatchObject({
      kind: "user_create",
      userid: "alice",
      localId: "a1",
      departments: [{ deptId: T }],
    });
    expect(plan.ops[0].diff).toContainEqual({ field: "mobile", before: null, after: "+86-13800000001" });
    expect(plan.counts).toMatchObject({ user_create: 1, user_update: 0, user_delete: 0 });
  });

  it("refuses an identifier that matches two DingTalk users and a userid that another user holds", () => {
    const twins = [dtUser("x1", { job_number: "E1" }), dtUser("x2", { job_number: "E1" })];
    const ambiguous = planSync(
      input({ accounts: [alice], rules: defaultRules("job_number"), snapshot: snapshot(twins) }),
    );
    expect(ambiguous.ops[0]).toMatchObject({ kind: "user_invalid", reason: { code: "identifier_ambiguous" } });
    const taken = planSync(
      input({ accounts: [alice], snapshot: snapshot([dtUser("alice", { email: "someone@else.com" })]) }),
    );
    expect(taken.ops[0]).toMatchObject({
      kind: "user_invalid",
      reason: { code: "userid_taken", params: { userid: "alice" } },
    });
  });

  it("refuses an account whose value cannot be cut, with the field named", () => {
    const long = { ...alice, email: `${"a".repeat(60)}@example.com` };
    const plan = planSync(input({ accounts: [long] }));
    expect(plan.ops[0]).toMatchObject({ kind: "user_invalid", problems: [{ field: "email", code: "too_long" }] });
  });
});

describe("planning users: bound accounts", () => {
  const inSync = dtUser("alice", {
    name: "Alice",
    email: "alice@example.com",
    mobile: "+86-13800000001",
    job_number: "E1",
  });

  it("plans nothing for an unchanged user, and exactly the changed field otherwise", () => {
    const bindings = [userBinding("a1", "alice")];
    expect(planSync(input({ accounts: [alice], snapshot: snapshot([inSync]), bindings })).ops).toEqual([]);
    const changed = planSync(
      input({ accounts: [{ ...alice, jobTitle: "Lead" }], snapshot: snapshot([inSync]), bindings }),
    );
    expect(changed.ops).toHaveLength(1);
    expect(changed.ops[0]).toMatchObject({
      kind: "user_update",
      remoteId: "alice",
      diff: [{ field: "title", before: null, after: "Lead" }],
    });
  });

  it("says whether the source changed or DingTalk drifted from the last write", () => {
    const first = planSync(
      input({
        accounts: [{ ...alice, jobTitle: "Lead" }],
        snapshot: snapshot([inSync]),
        bindings: [userBinding("a1", "alice")],
      }),
    );
    expect(first.ops[0].reason.code).toBe("source_changed");
    const written = first.ops[0].kind === "user_update" ? first.ops[0].contentHash : "";
    const drift = planSync(
      input({
        accounts: [{ ...alice, jobTitle: "Lead" }],
        snapshot: snapshot([inSync]),
        bindings: [userBinding("a1", "alice", written)],
      }),
    );
    expect(drift.ops[0]).toMatchObject({ kind: "user_update", reason: { code: "remote_drift" } });
  });

  it("compares mobiles with and without +86-", () => {
    const stored = { ...inSync, fields: { ...inSync.fields, mobile: "13800000001" } };
    expect(
      planSync(input({ accounts: [alice], snapshot: snapshot([stored]), bindings: [userBinding("a1", "alice")] })).ops,
    ).toEqual([]);
  });

  it("deletes bound users whose account was deleted or left the scope, and re-creates a missing one", () => {
    const away = account("a2", "bob", ["elsewhere"]);
    const users = [inSync, dtUser("bob", {}), dtUser("carol", {})];
    const bindings = [
      userBinding("a1", "alice"),
      userBinding("a2", "bob"),
      userBinding("a3", "carol"),
      userBinding("a4", "dave"),
    ];
    const plan = planSync(
      input({ accounts: [alice, away], snapshot: snapshot(users), bindings, deleteThresholdPercent: 100 }),
    );
    expect(plan.ops.map((op) => [op.kind, op.remoteId, op.reason.code])).toEqual([
      ["user_delete", "bob", "account_out_of_scope"],
      ["user_delete", "carol", "account_deleted"],
      ["user_delete", "dave", "account_deleted"],
    ]);
    const missing = planSync(
      input({ accounts: [alice], snapshot: snapshot([]), bindings: [userBinding("a1", "alice")] }),
    );
    expect(missing.ops[0]).toMatchObject({ kind: "user_create", userid: "alice", reason: { code: "remote_missing" } });
  });
});

describe("deletion protection", () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => account(`a${i}`, `u${i}`, ["root"], { email: `u${i}@example.com` }));
  const synced = (n: number) =>
    Array.from({ length: n }, (_, i) => dtUser(`u${i}`, { name: `u${i}`, email: `u${i}@example.com` }));
  const bound = (n: number) => Array.from({ length: n }, (_, i) => userBinding(`a${i}`, `u${i}`));

  it.each([
    { total: 10, kept: 8, percent: undefined, count: undefined, held: false }, // 20 % exactly
    { total: 10, kept: 7, percent: undefined, count: undefined, held: true }, // 30 %
    { total: 10, kept: 7, percent: 50, count: undefined, held: false },
    { total: 10, kept: 5, percent: 100, count: 4, held: true }, // more than the count
  ])(
    "deleting $total-$kept of $total bound (percent $percent, count $count): held=$held",
    ({ total, kept, percent, count, held }) => {
      const plan = planSync(
        input({
          accounts: many(kept),
          snapshot: snapshot(synced(total)),
          bindings: bound(total),
          deleteThresholdPercent: percent,
          deleteThresholdCount: count,
        }),
      );
      expect(plan.counts.user_delete).toBe(total - kept);
      expect(plan.held !== undefined).toBe(held);
      if (held) expect(plan.held).toMatchObject({ deletes: total - kept, bound: total });
    },
  );
});
