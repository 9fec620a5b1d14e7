// The digest of everything a plan is computed from: the directory (accounts, OUs), the rules and
// the IdP's settings, the bindings and the administrator's decisions, and DingTalk's state under
// the target node. A reviewed plan is applied only while its inputs still have this digest.
import { contentHash, type Json } from "./hash";
import type { PlanInput } from "./types";

const byKey = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

export function planInputDigest(input: PlanInput): string {
  const { snapshot } = input;
  const value = {
    sourceRootIds: [...input.sourceRootIds].sort(),
    ous: byKey(input.ous, (o) => o.id),
    accounts: byKey(input.accounts, (a) => a.id),
    rules: input.rules,
    customFieldIds: [...(input.customFieldIds ?? [])].sort(),
    snapshot: {
      targetDeptId: snapshot.targetDeptId,
      targetLevel: snapshot.targetLevel,
      departments: byKey(snapshot.departments, (d) => String(d.deptId).padStart(20, "0")),
      users: byKey(snapshot.users, (u) => u.userid),
    },
    bindings: byKey(input.bindings, (b) => `${b.objectType}:${b.localId}`),
    only: input.only ? [...input.only].sort() : null,
    deleteThresholdPercent: input.deleteThresholdPercent ?? null,
    deleteThresholdCount: input.deleteThresholdCount ?? null,
    matchFallbacks: input.matchFallbacks ?? [],
    deprovision: input.deprovision ?? null,
    decisions: byKey(input.decisions ?? [], (d) => d.localId),
  };
  // Plain data only (strings, numbers, booleans, null, arrays, objects): JSON-safe by construction.
  return contentHash(JSON.parse(JSON.stringify(value)) as Json);
}
