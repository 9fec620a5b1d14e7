// The digest a reviewed plan is stored with: the same inputs in any order give the same digest,
// and any change that could change the plan changes it.
import { describe, expect, it } from "vitest";
import { userRule } from "@/lib/mapping";
import { planInputDigest } from "./plan-digest";
import { account, defaultRules, ou } from "./testing";
import type { BindingRecord, PlanInput, SnapshotUser, SourceAccount } from "./types";

const T = 1;
const dtUser = (userid: string, fields: Record<string, string>, deptIdList = [T]): SnapshotUser => ({
  userid,
  deptIdList,
  fields: { name: userid, ...fields },
});
const userBinding = (localId: string, remoteId: string, contentHash: string | null = null): BindingRecord => ({
  objectType: "user",
  localId,
  remoteId,
  contentHash,
});

function base(): PlanInput {
  return {
    sourceRootIds: ["root", "root2"],
    ous: [ou("root", "Acme", null), ou("root2", "Beta", null), ou("eng", "Engineering", "root", 1, "ext-eng")],
    accounts: [
      account("a1", "alice", ["root"], {
        displayName: "Alice",
        email: "alice@example.com",
        phoneNumber: "13800000001",
      }),
      account("b1", "bob", ["eng"], { displayName: "Bob", email: "bob@example.com", customFields: { level: 3 } }),
      account("c1", "carol", ["root2"], { displayName: "Carol", employeeNumber: "E3" }),
    ],
    rules: defaultRules("email"),
    customFieldIds: ["level", "site"],
    snapshot: {
      targetDeptId: T,
      targetLevel: 1,
      departments: [
        { deptId: 50, name: "Engineering", parentId: T, order: 1, sourceIdentifier: "ext-eng" },
        { deptId: 7, name: "Sales", parentId: T, order: 2 },
      ],
      users: [
        dtUser("alice", { name: "Alice", email: "alice@example.com" }),
        dtUser("dt-bob", { email: "bob@example.com" }, [50]),
        dtUser("dt-x", { mobile: "+86-13800000009" }, [7, 50]),
      ],
    },
    bindings: [
      userBinding("a1", "alice", "hash-a1"),
      userBinding("g1", "gone"),
      { objectType: "organization", localId: "eng", remoteId: "50", contentHash: "hash-eng", rulesDigest: "r1" },
    ],
    deleteThresholdPercent: 30,
    deleteThresholdCount: 5,
    matchFallbacks: ["mobile", "job_number"],
    deprovision: { policy: "move", deptId: 99 },
    decisions: [
      { localId: "b1", decision: "link", remoteId: "dt-x" },
      { localId: "c1", decision: "skip" },
    ],
  };
}

const digest = planInputDigest(base());

/** base() with one account's fields replaced. */
const withAccount = (id: string, extra: Partial<SourceAccount>) => {
  const input = base();
  return { ...input, accounts: input.accounts.map((a) => (a.id === id ? { ...a, ...extra } : a)) };
};
/** base() with one snapshot user replaced. */
const withUser = (userid: string, change: (u: SnapshotUser) => SnapshotUser) => {
  const input = base();
  const users = input.snapshot.users.map((u) => (u.userid === userid ? change(u) : u));
  return { ...input, snapshot: { ...input.snapshot, users } };
};

describe("planInputDigest: the same inputs", () => {
  it("is a sha256 hex digest, the same for equal inputs built twice", () => {
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(planInputDigest(base())).toBe(digest);
    expect(planInputDigest(structuredClone(base()))).toBe(digest);
  });

  it("does not depend on the order of accounts, OUs, roots, DingTalk users and departments, bindings", () => {
    const input = base();
    const reversed = <T>(items: T[] | undefined) => [...(items ?? [])].reverse();
    const shuffled: PlanInput = {
      ...input,
      sourceRootIds: reversed(input.sourceRootIds),
      ous: [input.ous[1], input.ous[2], input.ous[0]],
      accounts: [input.accounts[2], input.accounts[0], input.accounts[1]],
      customFieldIds: reversed(input.customFieldIds),
      snapshot: {
        ...input.snapshot,
        departments: reversed(input.snapshot.departments),
        users: [input.snapshot.users[1], input.snapshot.users[2], input.snapshot.users[0]],
      },
      bindings: [input.bindings[2], input.bindings[0], input.bindings[1]],
      decisions: reversed(input.decisions),
    };
    expect(planInputDigest(shuffled)).toBe(digest);
  });

  it("does not depend on the order of an object's keys", () => {
    const input = base();
    const [first, ...rest] = input.accounts;
    const rebuilt = Object.fromEntries(Object.entries(first).reverse()) as SourceAccount;
    expect(planInputDigest({ ...input, accounts: [rebuilt, ...rest] })).toBe(digest);
  });
});

describe("planInputDigest: any change changes it", () => {
  const changes: [string, () => PlanInput][] = [
    // The directory.
    ["an account's display name", () => withAccount("a1", { displayName: "Alice Liddell" })],
    ["an account's e-mail", () => withAccount("a1", { email: "alice@example.org" })],
    ["an account's mobile", () => withAccount("a1", { phoneNumber: "13800000002" })],
    ["an account's status", () => withAccount("a1", { status: "disabled" })],
    ["an account's OUs", () => withAccount("a1", { ouIds: ["root", "eng"] })],
    ["an account's primary OU", () => withAccount("b1", { primaryOuId: null })],
    ["an account's custom field", () => withAccount("b1", { customFields: { level: 4 } })],
    ["an account's update time", () => withAccount("c1", { updateTime: 1 })],
    ["an account added", () => ({ ...base(), accounts: [...base().accounts, account("d1", "dan", ["root"])] })],
    ["an account removed", () => ({ ...base(), accounts: base().accounts.slice(1) })],
    ["an OU renamed", () => ({ ...base(), ous: base().ous.map((o) => (o.id === "eng" ? { ...o, name: "R&D" } : o)) })],
    [
      "an OU moved",
      () => ({ ...base(), ous: base().ous.map((o) => (o.id === "eng" ? { ...o, parentId: "root2" } : o)) }),
    ],
    ["a source root dropped", () => ({ ...base(), sourceRootIds: ["root"] })],
    // The rules and the IdP's settings.
    ["the identifier", () => ({ ...base(), rules: defaultRules("mobile") })],
    [
      "a rule's expression",
      () => ({ ...base(), rules: [...defaultRules("email").slice(0, 4), userRule("job_number", "idpUser.username")] }),
    ],
    ["the custom field catalogue", () => ({ ...base(), customFieldIds: ["level"] })],
    ["the deprovisioning policy", () => ({ ...base(), deprovision: { policy: "unbind" } })],
    ["the holding department", () => ({ ...base(), deprovision: { policy: "move", deptId: 98 } })],
    ["a fallback added", () => ({ ...base(), matchFallbacks: ["mobile", "job_number", "email"] })],
    ["the fallbacks' order", () => ({ ...base(), matchFallbacks: ["job_number", "mobile"] })],
    ["the fallbacks off", () => ({ ...base(), matchFallbacks: [] })],
    ["the percent threshold", () => ({ ...base(), deleteThresholdPercent: 31 })],
    ["the count threshold", () => ({ ...base(), deleteThresholdCount: 6 })],
    ["only some objects", () => ({ ...base(), only: ["a1"] })],
    // DingTalk's state.
    ["a user's name", () => withUser("dt-bob", (u) => ({ ...u, fields: { ...u.fields, name: "Bob" } }))],
    ["a user's mobile", () => withUser("dt-x", (u) => ({ ...u, fields: { ...u.fields, mobile: "+86-13800000008" } }))],
    ["a user's new field", () => withUser("alice", (u) => ({ ...u, fields: { ...u.fields, title: "Lead" } }))],
    ["a user's departments", () => withUser("dt-bob", (u) => ({ ...u, deptIdList: [7] }))],
    ["a user's userid", () => withUser("dt-x", (u) => ({ ...u, userid: "dt-y" }))],
    ["a user gone", () => ({ ...base(), snapshot: { ...base().snapshot, users: base().snapshot.users.slice(1) } })],
    [
      "a department renamed",
      () => {
        const input = base();
        const departments = input.snapshot.departments.map((d) => (d.deptId === 7 ? { ...d, name: "Sales EU" } : d));
        return { ...input, snapshot: { ...input.snapshot, departments } };
      },
    ],
    ["the target node", () => ({ ...base(), snapshot: { ...base().snapshot, targetDeptId: 2, targetLevel: 2 } })],
    // Bindings and decisions.
    [
      "a binding's remote id",
      () => ({
        ...base(),
        bindings: base().bindings.map((b) => (b.localId === "a1" ? { ...b, remoteId: "dt-x" } : b)),
      }),
    ],
    [
      "a binding's content hash",
      () => ({
        ...base(),
        bindings: base().bindings.map((b) => (b.localId === "a1" ? { ...b, contentHash: "other" } : b)),
      }),
    ],
    [
      "a binding's rules digest",
      () => ({
        ...base(),
        bindings: base().bindings.map((b) => (b.localId === "eng" ? { ...b, rulesDigest: "r2" } : b)),
      }),
    ],
    ["a binding added", () => ({ ...base(), bindings: [...base().bindings, userBinding("b1", "dt-bob")] })],
    ["a binding removed", () => ({ ...base(), bindings: base().bindings.slice(1) })],
    [
      "a user binding that becomes a department binding",
      () => ({
        ...base(),
        bindings: base().bindings.map((b) => (b.localId === "g1" ? { ...b, objectType: "organization" as const } : b)),
      }),
    ],
    [
      "a link to another user",
      () => ({
        ...base(),
        decisions: [
          { localId: "b1", decision: "link", remoteId: "dt-bob" },
          { localId: "c1", decision: "skip" },
        ],
      }),
    ],
    [
      "a link turned into a skip",
      () => ({
        ...base(),
        decisions: [
          { localId: "b1", decision: "skip" },
          { localId: "c1", decision: "skip" },
        ],
      }),
    ],
    ["a skip withdrawn", () => ({ ...base(), decisions: [{ localId: "b1", decision: "link", remoteId: "dt-x" }] })],
    ["no decisions", () => ({ ...base(), decisions: [] })],
  ];

  it.each(changes)("%s", (_, changed) => {
    expect(planInputDigest(changed())).not.toBe(digest);
  });

  it("gives each change its own digest", () => {
    const digests = changes.map(([, changed]) => planInputDigest(changed()));
    expect(new Set(digests).size).toBe(changes.length);
  });
});

describe("what is outside the scope", () => {
  it("another scope's OUs and accounts do not change the digest; an account moving into the scope does", () => {
    const withOther = (extra: SourceAccount) => ({
      ...base(),
      ous: [...base().ous, ou("other", "Other company", null), ou("other-team", "Team", "other")],
      accounts: [...base().accounts, extra],
    });
    const outside = account("z1", "zed", ["other-team"], { displayName: "Zed" });
    expect(planInputDigest(withOther(outside))).toBe(planInputDigest(base()));
    expect(planInputDigest(withOther({ ...outside, displayName: "Zed 2" }))).toBe(planInputDigest(base()));
    const joined = { ...outside, ouIds: ["other-team", "eng"] };
    expect(planInputDigest(withOther(joined))).not.toBe(planInputDigest(base()));
  });

  it("an account leaving the scope changes it, and so does a bound account outside it", () => {
    const left = base().accounts.map((a) => (a.id === "b1" ? { ...a, ouIds: ["nowhere"] } : a));
    expect(planInputDigest({ ...base(), accounts: left })).not.toBe(planInputDigest(base()));
    const boundOutside = account("g1", "gina", ["nowhere"], { displayName: "Gina" });
    const withBound = { ...base(), accounts: [...base().accounts, boundOutside] };
    expect(planInputDigest(withBound)).not.toBe(planInputDigest(base()));
  });
});
