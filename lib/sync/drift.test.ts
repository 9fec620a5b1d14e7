// Drift classification: a DingTalk in step with the console, then changed behind its back.
import { describe, expect, it } from "vitest";
import type { MappingRule } from "@/lib/mapping";
import { classifyDrift, countDrift, repairPlan, repairTargets } from "./drift";
import { planSync } from "./plan";
import { rulesDigest } from "./rules-digest";
import { account, defaultRules, ou } from "./testing";
import type { BindingRecord, DingTalkSnapshot, PlanOp, SourceAccount, SourceOu } from "./types";

const TARGET = 1;
const ous = (): SourceOu[] => [
  ou("root", "Acme", null),
  ou("eng", "Engineering", "root", 1),
  ou("ops", "Ops", "root", 2),
];
const accounts = (): SourceAccount[] => [
  account("a1", "alice", ["eng"], { displayName: "Alice", email: "alice@example.com", jobTitle: "Engineer" }),
  account("a2", "bob", ["eng"], { displayName: "Bob", email: "bob@example.com" }),
  account("a3", "carol", ["ops"], { displayName: "Carol", email: "carol@example.com" }),
];
const empty: DingTalkSnapshot = { targetDeptId: TARGET, targetLevel: 1, departments: [], users: [] };

/** DingTalk exactly as the console writes it, and the bindings a run leaves. */
function inStep(rules: MappingRule[], source = accounts()) {
  const plan = planSync({
    sourceRootIds: ["root"],
    ous: ous(),
    accounts: source,
    rules,
    snapshot: empty,
    bindings: [],
  });
  const deptIds = new Map<string, number>();
  const snapshot: DingTalkSnapshot = { ...empty, departments: [], users: [] };
  const bindings: BindingRecord[] = [];
  const ref = (r: { deptId: number } | { ouId: string }) => ("deptId" in r ? r.deptId : deptIds.get(r.ouId)!);
  for (const op of plan.ops as PlanOp[]) {
    if (op.kind === "dept_create") {
      const deptId = 100 + deptIds.size;
      deptIds.set(op.localId, deptId);
      snapshot.departments.push({ deptId, name: op.fields.name, parentId: ref(op.parent), order: op.fields.order });
      bindings.push({
        objectType: "organization",
        localId: op.localId,
        remoteId: String(deptId),
        contentHash: op.contentHash,
      });
    } else if (op.kind === "user_create") {
      const fields = Object.fromEntries(Object.entries(op.fields).filter((e): e is [string, string] => e[1] !== null));
      snapshot.users.push({ userid: op.userid, deptIdList: op.departments.map(ref), fields });
      bindings.push({ objectType: "user", localId: op.localId, remoteId: op.userid, contentHash: op.contentHash });
    }
  }
  return { snapshot, bindings, deptIds };
}

function drift(rules: MappingRule[], snapshot: DingTalkSnapshot, bindings: BindingRecord[], source = accounts()) {
  const plan = planSync({ sourceRootIds: ["root"], ous: ous(), accounts: source, rules, snapshot, bindings });
  const ouNames = new Map(ous().map((o) => [o.id, o.name]));
  return classifyDrift({ plan, snapshot, bindings, targetName: "Target", ouNames });
}

describe("classifyDrift", () => {
  it("finds nothing when DingTalk is as the console wrote it", () => {
    const { snapshot, bindings } = inStep(defaultRules());
    expect(drift(defaultRules(), snapshot, bindings)).toEqual([]);
  });

  it("names a rename, a deletion, a move and an unknown user, departments by name", () => {
    const { snapshot, bindings, deptIds } = inStep(defaultRules());
    const users = new Map(snapshot.users.map((u) => [u.userid, u]));
    users.get("alice")!.fields.name = "Alice (renamed in DingTalk)";
    users.delete("bob");
    users.get("carol")!.deptIdList = [deptIds.get("eng")!];
    users.set("dave", { userid: "dave", deptIdList: [deptIds.get("ops")!], fields: { name: "Dave" } });
    const items = drift(defaultRules(), { ...snapshot, users: [...users.values()] }, bindings);
    expect(items).toEqual([
      {
        kind: "changed",
        objectType: "user",
        localId: "a1",
        remoteId: "alice",
        displayName: "Alice",
        diff: [{ field: "name", before: "Alice (renamed in DingTalk)", after: "Alice" }],
        directoryChanged: false,
      },
      expect.objectContaining({ kind: "deleted", objectType: "user", localId: "a2", remoteId: "bob" }),
      {
        kind: "moved",
        objectType: "user",
        localId: "a3",
        remoteId: "carol",
        displayName: "Carol",
        diff: [{ field: "dept_id_list", before: "Engineering", after: "Ops" }],
        directoryChanged: false,
      },
      {
        kind: "unknown",
        objectType: "user",
        localId: null,
        remoteId: "dave",
        displayName: "Dave",
        diff: [{ field: "dept_id_list", before: "Ops", after: null }],
        directoryChanged: false,
      },
    ]);
    expect(countDrift(items)).toEqual({ changed: 1, deleted: 1, moved: 1, unknown: 1 });
    // Repair writes the console's objects only: never the unknown user.
    expect(repairTargets(items).sort()).toEqual(["a1", "a2", "a3"]);
  });

  it("finds a renamed, a moved, a deleted and an unknown department", () => {
    const { snapshot, bindings, deptIds } = inStep(defaultRules(), []);
    const eng = snapshot.departments.find((d) => d.deptId === deptIds.get("eng"))!;
    eng.name = "Engineering (renamed)";
    eng.parentId = deptIds.get("ops")!;
    const departments = [eng, { deptId: 900, name: "Someone else's", parentId: TARGET }];
    const items = drift(defaultRules(), { ...snapshot, departments }, bindings, []);
    expect(items.map((i) => [i.kind, i.objectType, i.localId, i.displayName])).toEqual([
      ["moved", "organization", "eng", "Engineering"],
      ["deleted", "organization", "ops", "Ops"],
      ["unknown", "organization", null, "Someone else's"],
    ]);
    const moved = items[0];
    expect(moved.diff).toContainEqual({ field: "name", before: "Engineering (renamed)", after: "Engineering" });
    expect(moved.diff).toContainEqual({ field: "parent_id", before: "Ops", after: "Target" });
  });

  it("leaves an object out when the directory changed too: the difference is the console's pending change", () => {
    const { snapshot, bindings } = inStep(defaultRules());
    snapshot.users.find((u) => u.userid === "alice")!.fields.name = "Alice in DingTalk";
    const source = accounts().map((a) => (a.id === "a1" ? { ...a, displayName: "Alice in the directory" } : a));
    expect(drift(defaultRules(), snapshot, bindings, source)).toEqual([]);
  });

  it("does not read console changes as drift: a directory edit or a saved rule edit is pending work", () => {
    const { snapshot, bindings } = inStep(defaultRules());
    const withDigest = bindings.map((b) => ({ ...b, rulesDigest: rulesDigest(defaultRules()) }));
    // "Save only" of a rule edit: every user's title would change, DingTalk changed nothing.
    const edited = defaultRules().map((r) => (r.targetField === "title" ? { ...r, source: "idpUser.email" } : r));
    const plan = planSync({
      sourceRootIds: ["root"],
      ous: ous(),
      accounts: accounts(),
      rules: edited,
      snapshot,
      bindings: withDigest,
    });
    expect(plan.ops.filter((op) => op.kind === "user_update").map((op) => op.reason.code)).toContain("mapping_changed");
    expect(classifyDrift({ plan, snapshot, bindings: withDigest })).toEqual([]);
    // A directory edit of an account (source_changed) is not drift either.
    const source = accounts().map((a) => (a.id === "a2" ? { ...a, displayName: "Robert" } : a));
    expect(drift(defaultRules(), snapshot, bindings, source)).toEqual([]);
  });

  it("says when a deleted object's directory changed too, and repair leaves it out", () => {
    const { snapshot, bindings } = inStep(defaultRules());
    const users = snapshot.users.filter((u) => u.userid !== "alice");
    const source = accounts().map((a) => (a.id === "a1" ? { ...a, displayName: "Alice in the directory" } : a));
    const items = drift(defaultRules(), { ...snapshot, users }, bindings, source);
    expect(items).toEqual([
      expect.objectContaining({ kind: "deleted", localId: "a1", remoteId: "alice", directoryChanged: true }),
    ]);
    expect(repairTargets(items)).toEqual([]);
  });

  it("ignores fields written only on create", () => {
    const rules = defaultRules().map((r) => (r.targetField === "title" ? { ...r, applyOn: "create" as const } : r));
    const { snapshot, bindings } = inStep(rules);
    snapshot.users.find((u) => u.userid === "alice")!.fields.title = "Edited in DingTalk";
    expect(drift(rules, snapshot, bindings)).toEqual([]);
  });

  it("leaves the console's own pending work out: new accounts are not drift", () => {
    const { snapshot, bindings } = inStep(defaultRules());
    const source = [...accounts(), account("a4", "erin", ["eng"], { displayName: "Erin", email: "erin@example.com" })];
    expect(drift(defaultRules(), snapshot, bindings, source)).toEqual([]);
  });
});

describe("repairPlan", () => {
  it("keeps only the drift's updates, moves and re-creates: no console change, new object, link or delete", () => {
    const { snapshot, bindings, deptIds } = inStep(defaultRules());
    const users = new Map(snapshot.users.map((u) => [u.userid, u]));
    users.get("alice")!.fields.name = "Alice (renamed in DingTalk)"; // drift: written back
    users.delete("bob"); // drift: re-created
    users.get("carol")!.fields.title = "Edited in DingTalk"; // carol changed in the console too: left alone
    // Dave is in the directory and matches a DingTalk user by e-mail: a link, which waits for review.
    users.set("dave", {
      userid: "dave",
      deptIdList: [deptIds.get("eng")!],
      fields: { name: "Dave", email: "dave@example.com" },
    });
    const source = [
      ...accounts().map((a) => (a.id === "a3" ? { ...a, displayName: "Caroline" } : a)),
      account("a4", "dave", ["eng"], { displayName: "Dave", email: "dave@example.com" }),
      account("a5", "erin", ["ops"], { displayName: "Erin", email: "erin@example.com" }),
    ];
    const current = { ...snapshot, users: [...users.values()] };
    const plan = planSync({
      sourceRootIds: ["root"],
      ous: ous(),
      accounts: source,
      rules: defaultRules(),
      snapshot: current,
      bindings,
    });
    const kinds = plan.ops.map((op) => `${op.kind}:${op.localId}`);
    expect(kinds).toEqual(expect.arrayContaining(["user_update:a3", "user_bind:a4", "user_create:a5"]));
    const input = { plan, snapshot: current, bindings };
    const items = classifyDrift(input);
    expect(items.map((i) => `${i.kind}:${i.localId}`).sort()).toEqual(["changed:a1", "deleted:a2", "unknown:null"]);
    // Even asked for every object, repair writes the drift only.
    const repair = repairPlan(input, ["a1", "a2", "a3", "a4", "a5", "root", "eng", "ops"]);
    expect(repair.ops.map((op) => `${op.kind}:${op.localId}`).sort()).toEqual(["user_create:a2", "user_update:a1"]);
    expect(repair.counts).toMatchObject({ user_update: 1, user_create: 1, user_bind: 0, user_delete: 0 });
    // And only the objects asked for.
    expect(repairPlan(input, ["a2"]).ops.map((op) => op.localId)).toEqual(["a2"]);
  });

  it("never deletes or deprovisions: an account gone from the directory is not repaired", () => {
    const { snapshot, bindings } = inStep(defaultRules());
    const source = accounts().filter((a) => a.id !== "a2");
    const plan = planSync({
      sourceRootIds: ["root"],
      ous: ous(),
      accounts: source,
      rules: defaultRules(),
      snapshot,
      bindings,
    });
    expect(plan.ops.some((op) => op.localId === "a2")).toBe(true);
    expect(repairPlan({ plan, snapshot, bindings }, ["a1", "a2", "a3"]).ops).toEqual([]);
  });
});
