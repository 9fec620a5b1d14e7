// The digest of everything a plan is computed from: the directory (accounts, OUs in scope), the rules and
// the IdP's settings, the bindings and the administrator's decisions, and DingTalk's state under
// the target node. A reviewed plan is applied only while its inputs still have this digest.
import { contentHash, type Json } from "./hash";
import type { PlanInput } from "./types";

const byKey = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/**
 * The part of the directory a plan reads: the OUs under the source organizations and the accounts
 * in them, plus every bound or decided object (they may be deprovisioned). Accounts and OUs that can
 * play no part (another scope's) do not make a reviewed plan stale.
 */
function relevantSource(input: PlanInput) {
  const children = new Map<string, string[]>();
  for (const o of input.ous) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const inScope = new Set<string>();
  for (const queue = [...input.sourceRootIds]; queue.length > 0;) {
    const id = queue.pop()!;
    if (inScope.has(id)) continue;
    inScope.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  const known = new Set([...input.bindings.map((b) => b.localId), ...(input.decisions ?? []).map((d) => d.localId)]);
  return {
    ous: input.ous.filter((o) => inScope.has(o.id) || known.has(o.id)),
    accounts: input.accounts.filter((a) => known.has(a.id) || a.ouIds.some((id) => inScope.has(id))),
  };
}

export function planInputDigest(input: PlanInput): string {
  const { snapshot } = input;
  const source = relevantSource(input);
  const value = {
    sourceRootIds: [...input.sourceRootIds].sort(),
    ous: byKey(source.ous, (o) => o.id),
    accounts: byKey(source.accounts, (a) => a.id),
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
    scopeFilter: input.scopeFilter?.trim() || null,
  };
  // Plain data only (strings, numbers, booleans, null, arrays, objects): JSON-safe by construction.
  return contentHash(JSON.parse(JSON.stringify(value)) as Json);
}
