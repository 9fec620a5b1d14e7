// Why a bound object is updated, against the real sandbox: an edit of the rules, of the directory, or unknown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DingTalkClient } from "@/lib/dingtalk";
import { TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import { organizationRule, userRule, type MappingRule } from "@/lib/mapping";
import { applyPlan } from "./apply";
import { planSync } from "./plan";
import { rulesDigest } from "./rules-digest";
import { readSnapshot } from "./snapshot";
import { account, defaultRules, MemorySyncStore, ou } from "./testing";
import type { SourceAccount } from "./types";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

const ous = () => [ou("root", "Acme", null), ou("eng", "Engineering", "root", 1)];
const people = (): SourceAccount[] => [
  account("a1", "alice", ["eng"], { displayName: "Alice", email: "alice@example.com", jobTitle: "Engineer" }),
  account("a2", "bob", ["eng"], { displayName: "Bob", email: "bob@example.com", jobTitle: "Manager" }),
];
const titleInCapitals = (rules: MappingRule[]) =>
  rules.map((r) =>
    r.targetField === "title" ? { ...r, kind: "expression" as const, source: "ToUpper(idpUser.jobTitle)" } : r,
  );

async function plan(client: DingTalkClient, store: MemorySyncStore, rules: MappingRule[], accounts = people()) {
  const snapshot = await readSnapshot(client, 1);
  return planSync({ sourceRootIds: ["root"], ous: ous(), accounts, rules, snapshot, bindings: store.list() });
}

async function synced(rules: MappingRule[] = defaultRules()) {
  const corp = await sb.corp();
  const client = sb.client(corp);
  const store = new MemorySyncStore();
  const result = await applyPlan({ plan: await plan(client, store, rules), client, store });
  expect(result).toMatchObject({ status: "succeeded", failed: 0 });
  return { client, store };
}

const reasons = (ops: { kind: string; localId: string; reason: { code: string } }[]) =>
  ops.map((op) => [op.kind, op.localId, op.reason.code]);

describe("rulesDigest", () => {
  it("changes with what decides values, not with order, labels or disabled rules", () => {
    const rules = defaultRules();
    expect(rulesDigest([...rules].reverse())).toBe(rulesDigest(rules));
    expect(rulesDigest(rules.map((r) => ({ ...r, source: ` ${r.source} `, targetDisplayName: "x" })))).toBe(
      rulesDigest(rules),
    );
    expect(rulesDigest([...rules, userRule("remark", "idpUser.description", { kind: "disabled" })])).toBe(
      rulesDigest(rules),
    );
    expect(rulesDigest(titleInCapitals(rules))).not.toBe(rulesDigest(rules));
    expect(rulesDigest(defaultRules("mobile"))).not.toBe(rulesDigest(rules));
  });
});

describe("the reason of an update, after a sync", () => {
  it("keeps the rules' digest with every binding written", async () => {
    const { store } = await synced();
    const digest = rulesDigest(defaultRules());
    expect(store.list().map((b) => [b.objectType, b.localId, b.rulesDigest])).toEqual(
      expect.arrayContaining([
        ["organization", "eng", digest],
        ["user", "a1", digest],
        ["user", "a2", digest],
      ]),
    );
  });

  it("says mapping_changed when a rule edit changed the values, and keeps the new digest", async () => {
    const { client, store } = await synced();
    const rules = titleInCapitals(defaultRules());
    const next = await plan(client, store, rules);
    expect(reasons(next.ops)).toEqual([
      ["user_update", "a1", "mapping_changed"],
      ["user_update", "a2", "mapping_changed"],
    ]);
    await applyPlan({ plan: next, client, store });
    expect(store.binding("user", "a1")?.rulesDigest).toBe(rulesDigest(rules));
    expect((await plan(client, store, rules)).ops).toEqual([]);
  });

  it("says mapping_changed for a department renamed by an organization rule", async () => {
    const { client, store } = await synced();
    const upper = "ToUpper(idpOrganizationalUnit.organizationalUnitName)";
    const rules = [...defaultRules(), organizationRule("name", upper, { kind: "expression" })];
    const next = await plan(client, store, rules);
    expect(reasons(next.ops)).toEqual([["dept_update", "eng", "mapping_changed"]]);
  });

  it("says source_changed when an account changed and the rules did not", async () => {
    const { client, store } = await synced();
    const accounts = people().map((a) => (a.id === "a1" ? { ...a, jobTitle: "Lead" } : a));
    const next = await plan(client, store, defaultRules(), accounts);
    expect(reasons(next.ops)).toEqual([["user_update", "a1", "source_changed"]]);
  });

  it("says source_changed for a binding written before digests were kept", async () => {
    const { client, store } = await synced();
    for (const [key, binding] of store.bindings) store.bindings.set(key, { ...binding, rulesDigest: null });
    const next = await plan(client, store, titleInCapitals(defaultRules()));
    expect(reasons(next.ops)).toEqual([
      ["user_update", "a1", "source_changed"],
      ["user_update", "a2", "source_changed"],
    ]);
  });
});
