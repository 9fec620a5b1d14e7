// The scoping filter: checked like a rule's expression, true keeps an account in scope, false leaves it
// out (deprovisioned when bound), and an evaluation error leaves the account as it is.
import { describe, expect, it } from "vitest";
import { checkScopeFilter, mappingFieldCatalog, scopeVerdict } from "@/lib/mapping";
import { planInputDigest } from "./plan-digest";
import { planSync } from "./plan";
import { account, defaultRules, ou } from "./testing";
import type { PlanInput, SnapshotUser } from "./types";

const catalog = mappingFieldCatalog(["site"]);
const input = (overrides: Partial<PlanInput>): PlanInput => ({
  sourceRootIds: ["root"],
  ous: [ou("root", "Acme", null)],
  accounts: [],
  rules: defaultRules("userid"),
  snapshot: { targetDeptId: 1, targetLevel: 1, departments: [], users: [] },
  bindings: [],
  ...overrides,
});
const eng = account("a1", "alice", ["root"], {
  displayName: "Alice",
  email: "alice@example.com",
  jobTitle: "Engineer",
});
const sales = account("b1", "bob", ["root"], { displayName: "Bob", email: "bob@other.example", jobTitle: "Sales" });
const summary = (plan: ReturnType<typeof planSync>) =>
  plan.ops.map((op) => `${op.kind} ${op.localId} ${op.reason.code}`);

describe("checkScopeFilter", () => {
  it("accepts an expression over idpUser and refuses a syntax error (with its range) or another variable", () => {
    expect(checkScopeFilter('SubstringAfter(idpUser.email, "@") == "example.com"', catalog).problem).toBeUndefined();
    expect(checkScopeFilter('idpUser.status == "enabled"', catalog).problem).toBeUndefined();
    expect(checkScopeFilter("idpUser.email ==", catalog).problem).toMatchObject({ code: "expression" });
    expect(checkScopeFilter("idpUser.nope == 1", catalog).problem).toMatchObject({ code: "expression" });
    expect(checkScopeFilter('idpOrganizationalUnit.organizationalUnitName == "x"', catalog).problem).toEqual({
      index: 0,
      field: "source",
      code: "scopeFilterUserOnly",
    });
  });

  it("keeps an account only when the filter is true; a string or null is not true", () => {
    const verdict = (source: string) => {
      const checked = checkScopeFilter(source, catalog);
      if (checked.problem) throw new Error("refused");
      return scopeVerdict(checked.compiled, { email: "a@example.com", jobTitle: null });
    };
    expect(verdict('SubstringAfter(idpUser.email, "@") == "example.com"')).toEqual({ inScope: true });
    expect(verdict('SubstringAfter(idpUser.email, "@") == "other.example"')).toEqual({ inScope: false });
    expect(verdict("idpUser.email")).toEqual({ inScope: false });
    expect(verdict("idpUser.jobTitle")).toEqual({ inScope: false });
  });
});

describe("planning with a scoping filter", () => {
  it("creates the accounts it keeps and not the others", () => {
    const plan = planSync(input({ accounts: [eng, sales], scopeFilter: 'idpUser.jobTitle == "Engineer"' }));
    expect(summary(plan)).toEqual(["user_create a1 new"]);
    expect(summary(planSync(input({ accounts: [eng, sales], scopeFilter: "  " })))).toEqual([
      "user_create a1 new",
      "user_create b1 new",
    ]);
  });

  it("deprovisions a bound account it leaves out, by the policy, saying why", () => {
    const bob: SnapshotUser = { userid: "bob", deptIdList: [1], fields: { name: "Bob", email: "bob@other.example" } };
    const bound = {
      accounts: [sales],
      bindings: [{ objectType: "user" as const, localId: "b1", remoteId: "bob", contentHash: null }],
      snapshot: { targetDeptId: 1, targetLevel: 1, departments: [], users: [bob] },
      scopeFilter: 'SubstringAfter(idpUser.email, "@") == "example.com"',
      deleteThresholdPercent: 100,
    };
    expect(planSync(input(bound)).ops).toMatchObject([
      { kind: "user_delete", localId: "b1", reason: { code: "account_filtered_out" } },
    ]);
    expect(planSync(input({ ...bound, deprovision: { policy: "unbind" } })).ops).toMatchObject([
      { kind: "user_update", reason: { code: "deprovision_unbind", params: { left: "filtered_out" } } },
    ]);
  });

  it("leaves an account it cannot evaluate as it is: refused with the reason, never deprovisioned", () => {
    const bob: SnapshotUser = { userid: "bob", deptIdList: [1], fields: { name: "Bob" } };
    const plan = planSync(
      input({
        accounts: [sales],
        bindings: [{ objectType: "user", localId: "b1", remoteId: "bob", contentHash: null }],
        snapshot: { targetDeptId: 1, targetLevel: 1, departments: [], users: [bob] },
        // A type error on this account's data: a text where Mid wants a position.
        scopeFilter: 'Mid(idpUser.email, idpUser.email, 1) == "a"',
      }),
    );
    expect(plan.ops).toMatchObject([{ kind: "user_invalid", localId: "b1", reason: { code: "scope_filter_failed" } }]);
    expect(plan.ops.some((op) => op.kind === "user_delete")).toBe(false);
  });

  it("is part of the plan's inputs: another filter is another digest", () => {
    const base = input({ accounts: [eng, sales] });
    expect(planInputDigest({ ...base, scopeFilter: 'idpUser.jobTitle == "Engineer"' })).not.toBe(planInputDigest(base));
    expect(planInputDigest({ ...base, scopeFilter: "" })).toBe(planInputDigest(base));
  });
});
