// Drift classification: a DingTalk in step with the console, then changed behind its back.
import { describe, expect, it } from "vitest";
import type { MappingRule } from "@/lib/mapping";
import { classifyDrift, countDrift, repairTargets } from "./drift";
import { planSync } from "./plan";
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

  it("says when the directory changed too since the last write", () => {
    const { snapshot, bindings } = inStep(defaultRules());
    snapshot.users.find((u) => u.userid === "alice")!.fields.name = "Alice in DingTalk";
    const source = accounts().map((a) => (a.id === "a1" ? { ...a, displayName: "Alice in the directory" } : a));
    const [item] = drift(defaultRules(), snapshot, bindings, source);
    expect(item).toMatchObject({
      kind: "changed",
      localId: "a1",
      directoryChanged: true,
      diff: [{ field: "name", before: "Alice in DingTalk", after: "Alice in the directory" }],
    });
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
