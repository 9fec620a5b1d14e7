// The review of a plan: which group each op falls in, the counts the review shows, and when an
// administrator must see the plan before it is written.
import { describe, expect, it } from "vitest";
import { PLAN_OP_KINDS, planSync } from "./plan";
import { isReviewGroup, needsReview, REVIEW_GROUPS, reviewCounts, reviewGroup, type ReviewGroup } from "./review";
import { account, defaultRules, ou } from "./testing";
import type { Plan, PlanOp, Reason, SnapshotUser } from "./types";

const T = 1;

/** Just enough of an op for reviewGroup, which reads the kind, the reason and `bind` / `holders`. */
const op = (kind: PlanOp["kind"], reason: Reason, extra: Record<string, unknown> = {}): PlanOp =>
  ({
    kind,
    objectType: kind.startsWith("dept") ? "organization" : "user",
    localId: "x",
    displayName: "x",
    diff: [],
    reason,
    ...extra,
  }) as PlanOp;

const holder = { userid: "dt1", name: "Zhang Wei", departments: "Sales" };
const stopped = { remotePresent: true };

const groups: [string, PlanOp, ReviewGroup][] = [
  ["a new department", op("dept_create", { code: "new" }), "create"],
  ["a bound department renamed", op("dept_update", { code: "source_changed" }, { bind: false }), "update"],
  [
    "a department matched by name",
    op("dept_update", { code: "matched_by_name", params: { name: "Sales" } }, { bind: true }),
    "link",
  ],
  ["a bound department moved", op("dept_move", { code: "source_changed" }, { bind: false }), "update"],
  [
    "a department matched and moved",
    op("dept_move", { code: "matched_by_source_identifier", params: { sourceIdentifier: "eng" } }, { bind: true }),
    "link",
  ],
  ["a new user", op("user_create", { code: "new" }), "create"],
  ["a new user with no holders", op("user_create", { code: "new" }, { holders: {} }), "create"],
  ["a create whose userid is held", op("user_create", { code: "new" }, { holders: { userid: holder } }), "conflict"],
  ["a create whose mobile is held", op("user_create", { code: "new" }, { holders: { mobile: holder } }), "conflict"],
  ["a create whose e-mail is held", op("user_create", { code: "new" }, { holders: { email: holder } }), "conflict"],
  ["a bound user changed", op("user_update", { code: "source_changed" }), "update"],
  ["a bound user drifted", op("user_update", { code: "remote_drift" }), "update"],
  ["rules changed", op("user_update", { code: "mapping_changed" }), "update"],
  [
    "a user moved to the holding department",
    op("user_update", { code: "deprovision_move", params: { left: "deleted", userid: "dt1", deptId: 9 } }),
    "delete",
  ],
  [
    "a user unbound",
    op("user_update", { code: "deprovision_unbind", params: { left: "disabled", userid: "dt1" } }),
    "delete",
  ],
  [
    "a user matched by identifier",
    op("user_bind", { code: "matched_by_identifier", params: { field: "email", value: "a@x.com" } }),
    "link",
  ],
  [
    "a user matched by fallback",
    op("user_bind", { code: "matched_by_fallback", params: { field: "mobile", value: "+86-1" } }),
    "link",
  ],
  [
    "a user linked by an administrator",
    op("user_bind", { code: "linked_by_admin", params: { userid: "dt1" } }),
    "link",
  ],
  ["a user deleted", op("user_delete", { code: "account_deleted", params: stopped }), "delete"],
  ["a disabled account's user deleted", op("user_delete", { code: "account_disabled", params: stopped }), "delete"],
  ["a department deleted", op("dept_delete", { code: "ou_deleted", params: stopped }), "delete"],
  [
    "a userid another user holds",
    op("user_invalid", { code: "userid_taken", params: { userid: "alice", name: "A" } }),
    "conflict",
  ],
  [
    "an identifier matching several users",
    op("user_invalid", { code: "identifier_ambiguous", params: { field: "email", count: 2 } }),
    "conflict",
  ],
  [
    "a link to a user bound elsewhere",
    op("user_invalid", { code: "link_target_taken", params: { userid: "dt1", name: null } }),
    "conflict",
  ],
  [
    "a mapping problem",
    op("user_invalid", { code: "refused", params: { field: "email", problem: "too_long" } }),
    "refused",
  ],
  [
    "a department delete that would not be empty",
    op("dept_blocked", { code: "delete_not_empty", params: { members: 2, subDepartments: 0 } }),
    "delete",
  ],
  ["a department too deep", op("dept_blocked", { code: "too_deep", params: { level: 21, max: 20 } }), "refused"],
  ["a duplicate sibling name", op("dept_blocked", { code: "name_conflict", params: { name: "Sales" } }), "refused"],
];

describe("reviewGroup", () => {
  it.each(groups)("%s -> %s", (_, planOp, group) => {
    expect(reviewGroup(planOp)).toBe(group);
  });

  it("the table covers every op kind and every group", () => {
    expect(new Set(groups.map(([, planOp]) => planOp.kind))).toEqual(new Set(PLAN_OP_KINDS));
    expect(new Set(groups.map(([, , group]) => group))).toEqual(new Set(REVIEW_GROUPS));
  });

  it("isReviewGroup accepts the six groups only", () => {
    for (const group of REVIEW_GROUPS) expect(isReviewGroup(group)).toBe(true);
    for (const value of ["Create", "deletes", "", null, undefined, 1, ["link"]])
      expect(isReviewGroup(value)).toBe(false);
  });
});

describe("reviewCounts", () => {
  it("counts every group, zeros included, and sums to the number of ops", () => {
    expect(reviewCounts([])).toEqual({ create: 0, update: 0, link: 0, conflict: 0, delete: 0, refused: 0 });
    const ops = groups.map(([, planOp]) => planOp);
    const counts = reviewCounts(ops);
    expect(counts).toEqual({ create: 3, update: 5, link: 5, conflict: 6, delete: 6, refused: 3 });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(ops.length);
  });

  it("groups a plan built from a directory and a snapshot", () => {
    const dtUser = (userid: string, fields: Record<string, string>): SnapshotUser => ({
      userid,
      deptIdList: [T],
      fields: { name: userid, ...fields },
    });
    const plan = planSync({
      sourceRootIds: ["root"],
      ous: [ou("root", "Acme", null), ou("eng", "Engineering", "root", 1)],
      accounts: [
        account("a1", "alice", ["root"], { displayName: "Alice", email: "alice@example.com", jobTitle: "Lead" }),
        account("b1", "bob", ["root"], { displayName: "Bob", email: "bob@example.com" }),
        account("c1", "carol", ["root"], {
          displayName: "Carol",
          email: "carol@example.com",
          phoneNumber: "13800000003",
        }),
        account("d1", "dan", ["eng"], { displayName: "Dan", email: "dan@example.com" }),
        account("e1", "erin", ["root"], { email: `${"e".repeat(80)}@example.com` }),
      ],
      rules: defaultRules("email"),
      snapshot: {
        targetDeptId: T,
        targetLevel: 1,
        departments: [],
        users: [
          dtUser("alice", { name: "Alice", email: "alice@example.com" }),
          dtUser("dt-bob", { email: "bob@example.com" }),
          dtUser("dt-zed", { mobile: "+86-13800000003" }),
          dtUser("gone", {}),
        ],
      },
      bindings: [
        { objectType: "user", localId: "a1", remoteId: "alice", contentHash: null },
        { objectType: "user", localId: "g1", remoteId: "gone", contentHash: null },
      ],
      deleteThresholdPercent: 100,
    });
    expect(plan.ops.map((o) => [o.kind, o.localId, reviewGroup(o)])).toEqual([
      ["dept_create", "eng", "create"],
      ["user_update", "a1", "update"],
      ["user_bind", "b1", "link"],
      ["user_create", "c1", "conflict"],
      ["user_create", "d1", "create"],
      ["user_invalid", "e1", "refused"],
      ["user_delete", "g1", "delete"],
    ]);
    expect(reviewCounts(plan.ops)).toEqual({ create: 2, update: 1, link: 1, conflict: 1, delete: 1, refused: 1 });
  });
});

describe("needsReview", () => {
  const plan = (...ops: PlanOp[]): Pick<Plan, "ops" | "held"> => ({ ops });
  const quiet = { firstSync: false, reviewBeforeWriting: false };
  const byGroup = (group: ReviewGroup) => groups.filter(([, , g]) => g === group).map(([, planOp]) => planOp);
  const creates = byGroup("create");
  const updates = byGroup("update");
  const refused = byGroup("refused");

  it("always for the first sync and when the IdP asks for review, even for an empty plan", () => {
    expect(needsReview(plan(), { firstSync: true, reviewBeforeWriting: false })).toBe(true);
    expect(needsReview(plan(), { firstSync: false, reviewBeforeWriting: true })).toBe(true);
    expect(needsReview(plan(...creates), { firstSync: true, reviewBeforeWriting: true })).toBe(true);
  });

  it("not for creates, updates and refusals alone once the setting is off", () => {
    expect(needsReview(plan(), quiet)).toBe(false);
    expect(needsReview(plan(...creates, ...updates, ...refused), quiet)).toBe(false);
  });

  it.each(["link", "conflict", "delete"] as const)("for any plan with one %s op", (group) => {
    for (const planOp of byGroup(group)) expect(needsReview(plan(...creates, planOp), quiet)).toBe(true);
  });

  it("for a held plan, whatever its ops", () => {
    const held = {
      ops: [],
      held: {
        reason: { code: "delete_threshold_count", params: { percent: 20, count: 1, deletes: 2, bound: 20 } },
        deletes: 2,
        bound: 20,
      },
    } satisfies Pick<Plan, "ops" | "held">;
    expect(needsReview(held, quiet)).toBe(true);
  });

  it("for a planned link by an administrator, though the plan has nothing else", () => {
    const linked = planSync({
      sourceRootIds: ["root"],
      ous: [ou("root", "Acme", null)],
      accounts: [account("a1", "alice", ["root"], { displayName: "Alice", email: "alice@example.com" })],
      rules: defaultRules("email"),
      snapshot: {
        targetDeptId: T,
        targetLevel: 1,
        departments: [],
        users: [{ userid: "dt1", deptIdList: [T], fields: { name: "Alice", email: "alice@example.com" } }],
      },
      bindings: [],
      decisions: [{ localId: "a1", decision: "link", remoteId: "dt1" }],
    });
    expect(linked.ops.map((o) => o.kind)).toEqual(["user_bind"]);
    expect(needsReview(linked, quiet)).toBe(true);
  });
});
