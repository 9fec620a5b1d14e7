import { describe, expect, it } from "vitest";
import { planSync } from "./plan";
import { account, defaultRules, ou } from "./testing";
import type { BindingRecord, PlanInput, SnapshotDepartment, SnapshotUser } from "./types";

const T = 1;
const dept = (
  deptId: number,
  name: string,
  parentId: number,
  order = 0,
  sourceIdentifier?: string,
): SnapshotDepartment => ({ deptId, name, parentId, order, sourceIdentifier });
const orgBinding = (localId: string, deptId: number): BindingRecord => ({
  objectType: "organization",
  localId,
  remoteId: String(deptId),
  contentHash: null,
});

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    sourceRootIds: ["root"],
    ous: [
      ou("root", "Acme", null),
      ou("eng", "Engineering", "root", 1),
      ou("be", "Backend", "eng", 1),
      ou("sales", "Sales", "root", 2),
    ],
    accounts: [],
    rules: defaultRules(),
    snapshot: { targetDeptId: T, targetLevel: 1, departments: [], users: [] },
    bindings: [],
    ...overrides,
  };
}
const withSnapshot = (departments: SnapshotDepartment[], users: SnapshotUser[] = []) => ({
  targetDeptId: T,
  targetLevel: 1,
  departments,
  users,
});
const summary = (plan: ReturnType<typeof planSync>) => plan.ops.map((op) => `${op.kind} ${op.localId}`);

describe("planning departments", () => {
  it("creates the tree under the target node top-down; the source root stands for the target node", () => {
    const plan = planSync(input({ accounts: [account("a1", "alice", ["be", "root"])] }));
    expect(summary(plan)).toEqual(["dept_create eng", "dept_create sales", "dept_create be", "user_create a1"]);
    expect(plan.ops[2]).toMatchObject({
      parent: { ouId: "eng" },
      fields: { name: "Backend", order: 1, sourceIdentifier: "be" },
    });
    expect(plan.ops[3]).toMatchObject({ departments: [{ ouId: "be" }, { deptId: T }] });
  });

  it("matches unbound OUs by source_identifier, then by name under the same parent", () => {
    const snapshot = withSnapshot([
      dept(50, "R&D", T, 1, "eng"),
      dept(51, "Backend", 50, 1),
      dept(52, "Sales", 60, 2),
      dept(60, "Other", T, 9),
    ]);
    const plan = planSync(input({ snapshot }));
    expect(plan.ops.map((op) => [op.kind, op.localId, op.remoteId, op.reason.code])).toEqual([
      ["dept_update", "eng", "50", "matched_by_source_identifier"],
      ["dept_create", "sales", undefined, "new"], // "Sales" exists, but under another parent
      ["dept_update", "be", "51", "matched_by_name"],
    ]);
    expect(plan.ops[0].diff).toEqual([{ field: "name", before: "R&D", after: "Engineering" }]);
    expect(plan.ops[2].diff).toEqual([{ field: "source_identifier", before: null, after: "be" }]);
  });

  it("moves a bound department whose OU changed parent, and updates name and order", () => {
    const snapshot = withSnapshot([dept(50, "Engineering", T, 1), dept(51, "Backend", 50, 1), dept(52, "Sales", T, 2)]);
    const bindings = [orgBinding("eng", 50), orgBinding("be", 51), orgBinding("sales", 52)];
    expect(planSync(input({ snapshot, bindings })).ops).toEqual([]);
    const ous = [
      ou("root", "Acme", null),
      ou("eng", "Engineering", "root", 1),
      ou("be", "Backend Team", "sales", 3),
      ou("sales", "Sales", "root", 2),
    ];
    const plan = planSync(input({ ous, snapshot, bindings }));
    expect(plan.ops).toHaveLength(1);
    expect(plan.ops[0]).toMatchObject({ kind: "dept_move", remoteId: "51", parent: { deptId: 52 } });
    expect(plan.ops[0].diff).toEqual([
      { field: "name", before: "Backend", after: "Backend Team" },
      { field: "order", before: "1", after: "3" },
      { field: "parent_id", before: "50", after: "52" },
    ]);
  });

  it("deletes departments whose OU left only when empty, users first, children before parents", () => {
    const snapshot = withSnapshot(
      [dept(50, "Engineering", T, 1), dept(51, "Backend", 50, 1), dept(52, "Sales", T, 2), dept(53, "Keep", 52)],
      [
        { userid: "bob", deptIdList: [51], fields: { name: "bob" } },
        { userid: "stranger", deptIdList: [53], fields: { name: "s" } },
      ],
    );
    const bindings = [
      orgBinding("eng", 50),
      orgBinding("be", 51),
      orgBinding("sales", 52),
      orgBinding("keep", 53),
      { objectType: "user" as const, localId: "b", remoteId: "bob", contentHash: null },
    ];
    const plan = planSync(input({ ous: [ou("root", "Acme", null)], snapshot, bindings, deleteThresholdPercent: 100 }));
    expect(plan.ops.map((op) => [op.kind, op.remoteId, op.reason.code])).toEqual([
      ["user_delete", "bob", "account_deleted"],
      ["dept_delete", "51", "ou_deleted"],
      ["dept_blocked", "53", "delete_not_empty"], // an untouched DingTalk user sits in it
      ["dept_delete", "50", "ou_deleted"],
      ["dept_blocked", "52", "delete_not_empty"], // its child stays
    ]);
    expect(plan.counts).toMatchObject({ dept_delete: 2, dept_blocked: 2, user_delete: 1 });
  });

  it("refuses OUs deeper than 20 levels, clearly, with their subtree", () => {
    const chain = [
      ou("root", "Acme", null),
      ...Array.from({ length: 21 }, (_, i) => ou(`l${i + 1}`, `Level ${i + 1}`, i === 0 ? "root" : `l${i}`)),
    ];
    const plan = planSync(input({ ous: chain }));
    expect(plan.counts.dept_create).toBe(19); // target node is level 1: levels 2..20
    const refused = plan.ops.filter((op) => op.kind === "dept_blocked");
    expect(refused.map((op) => [op.localId, op.reason])).toEqual([
      ["l20", { code: "too_deep", params: { level: 21, max: 20 } }],
      ["l21", { code: "parent_blocked", params: { parentId: "l20" } }],
    ]);
    const deeperTarget = planSync(
      input({ ous: chain.slice(0, 4), snapshot: { ...withSnapshot([]), targetLevel: 18 } }),
    );
    expect(deeperTarget.ops.map((op) => op.kind)).toEqual(["dept_create", "dept_create", "dept_blocked"]);
  });

  it("refuses department names DingTalk rejects and duplicate sibling names", () => {
    const ous = [
      ou("root", "Acme", null),
      ou("x", "R-D", "root", 1),
      ou("y", "Ops", "root", 2),
      ou("z", "Ops", "root", 3),
    ];
    const plan = planSync(input({ ous }));
    expect(plan.ops.map((op) => [op.kind, op.localId, op.reason.code])).toEqual([
      ["dept_blocked", "x", "invalid_name"],
      ["dept_create", "y", "new"],
      ["dept_blocked", "z", "name_conflict"],
    ]);
  });
});
