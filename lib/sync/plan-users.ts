// Accounts become DingTalk users: bound ones follow their binding, unbound ones match by
// the mapping identifier, then by each fallback the administrator enabled, in order (bind and
// update), or are created; bound users whose account left are deleted. DingTalk users that no
// binding or match touches are never in the plan.
import { comparable } from "./fields";
import { contentHash } from "./hash";
import type { CompiledExpression } from "@/lib/expression";
import { scopeVerdict } from "@/lib/mapping/scope-filter";
import { mapUser, toIdpUser, type CompiledRules } from "./mapping";
import { usableFallbacks, type MatchFallback } from "./matching";
import { refKey } from "./plan-departments";
import { updateReason } from "./rules-digest";
import type {
  BindingRecord,
  ClashHolder,
  DeprovisionPolicy,
  DeptRef,
  FieldDiff,
  MappingProblem,
  MatchDecision,
  Reason,
  SnapshotDepartment,
  SnapshotUser,
  SourceAccount,
  UserCreateOp,
  UserFields,
  UserOp,
  UserUpdateOp,
} from "./types";

export type UserPlanInput = {
  /** rulesDigest() of the run's rules: written with each binding, and tells a rule edit apart. */
  rulesDigest?: string;
  accounts: SourceAccount[];
  /** OUs in scope and where their members go (refused OUs are absent). */
  scope: Set<string>;
  ouDept: Map<string, DeptRef>;
  rules: CompiledRules;
  users: SnapshotUser[];
  bindings: BindingRecord[];
  /** Only these accounts (and bindings) are planned. */
  only?: Set<string>;
  /** Enabled matching fallbacks after the identifier, in order. */
  fallbacks?: MatchFallback[];
  /** The snapshot's departments, to name the department of a user that holds a value (words only). */
  departments?: SnapshotDepartment[];
  /** What happens to the user of an account that left; delete by default. */
  deprovision?: DeprovisionPolicy;
  /** An administrator's links and skips (lib/sync/types.ts MatchDecision). */
  decisions?: MatchDecision[];
  /** The IdP's scoping filter, compiled: an account is in scope only when it is true. */
  scopeFilter?: CompiledExpression;
};

const MAX_DEPARTMENTS = 100;

/** How an account left, as the deprovisioning reasons say it. */
const LEFT = {
  account_deleted: "deleted",
  account_disabled: "disabled",
  account_filtered_out: "filtered_out",
  account_out_of_scope: "out_of_scope",
} as const;

function remoteValue(user: SnapshotUser, field: string): string | null {
  return field === "userid" ? user.userid : (user.fields[field] ?? null);
}

function departmentsOf(account: SourceAccount, scope: Set<string>, ouDept: Map<string, DeptRef>): DeptRef[] {
  const ouIds = account.ouIds.filter((id) => scope.has(id));
  if (account.primaryOuId && ouIds.includes(account.primaryOuId)) {
    ouIds.splice(ouIds.indexOf(account.primaryOuId), 1);
    ouIds.unshift(account.primaryOuId);
  }
  const refs = new Map<string, DeptRef>();
  for (const id of ouIds) {
    const ref = ouDept.get(id);
    if (ref && !refs.has(refKey(ref))) refs.set(refKey(ref), ref);
  }
  return [...refs.values()];
}

function deptText(keys: string[]): string | null {
  return keys.length === 0 ? null : [...keys].sort().join(",");
}

/** Field-by-field differences, compared the way DingTalk stores them; before is null for a new user. */
export function diffUser(remote: SnapshotUser | undefined, fields: UserFields, departments: DeptRef[]): FieldDiff[] {
  const diff: FieldDiff[] = [];
  for (const [field, after] of Object.entries(fields)) {
    const before = remote ? (remote.fields[field] ?? null) : null;
    if (comparable(field, before) !== comparable(field, after)) diff.push({ field, before: before || null, after });
  }
  const before = deptText(remote ? remote.deptIdList.map(String) : []);
  const after = deptText(departments.map(refKey));
  if (before !== after) diff.push({ field: "dept_id_list", before, after });
  return diff;
}

/** Snapshot users by the comparable value of one field. */
function indexBy(users: SnapshotUser[], field: string): Map<string, SnapshotUser[]> {
  const index = new Map<string, SnapshotUser[]>();
  for (const u of users) {
    const key = comparable(field, remoteValue(u, field));
    if (key !== null) index.set(key, [...(index.get(key) ?? []), u]);
  }
  return index;
}

/**
 * The user of an account that left, under the "move" or "unbind" policy: an update that apply
 * executes as such (lib/sync/apply-users.ts), never a delete. "move" sets dept_id_list to the
 * holding department only (nothing when it is there already) and keeps the binding; "unbind"
 * removes the binding and writes nothing to DingTalk.
 */
function deprovisionOp(
  binding: BindingRecord,
  remote: SnapshotUser | undefined,
  deprovision: Exclude<DeprovisionPolicy, { policy: "delete" }>,
  left: "deleted" | "out_of_scope" | "disabled" | "filtered_out",
): Omit<UserUpdateOp, "identifier"> | undefined {
  const base = {
    objectType: "user" as const,
    kind: "user_update" as const,
    localId: binding.localId,
    remoteId: binding.remoteId,
    displayName: remote?.fields.name ?? binding.remoteId,
    warnings: [],
    fields: {},
    contentHash: binding.contentHash ?? "",
  };
  const userid = binding.remoteId;
  if (deprovision.policy === "unbind") {
    const departments = (remote?.deptIdList ?? []).map((deptId) => ({ deptId }));
    return { ...base, departments, diff: [], reason: { code: "deprovision_unbind", params: { left, userid } } };
  }
  const holding = deprovision.deptId;
  if (remote && remote.deptIdList.length === 1 && remote.deptIdList[0] === holding) return undefined;
  const before = deptText(remote ? remote.deptIdList.map(String) : []);
  return {
    ...base,
    departments: [{ deptId: holding }],
    diff: [{ field: "dept_id_list", before, after: String(holding) }],
    reason: { code: "deprovision_move", params: { left, userid, deptId: holding } },
  };
}

export function planUsers(input: UserPlanInput): UserOp[] {
  const { rules, scope, ouDept } = input;
  const bindings = new Map(input.bindings.filter((b) => b.objectType === "user").map((b) => [b.localId, b]));
  const boundRemote = new Set([...bindings.values()].map((b) => b.remoteId));
  const remoteById = new Map(input.users.map((u) => [u.userid, u]));
  const idField = rules.identifierField;
  const byIdentifier = indexBy(input.users, idField);
  const fallbacks = usableFallbacks(input.fallbacks ?? [], idField);
  const byFallback = new Map(fallbacks.map((f) => [f, indexBy(input.users, f)]));
  // Who holds a value an account would take: named in the conflict should DingTalk refuse the create.
  const holderIndex = { mobile: indexBy(input.users, "mobile"), email: indexBy(input.users, "email") };
  const deptName = new Map((input.departments ?? []).map((d) => [d.deptId, d.name]));
  const holderOf = (user: SnapshotUser): ClashHolder => {
    const names = user.deptIdList.flatMap((id) => (deptName.has(id) ? [deptName.get(id) as string] : []));
    return { userid: user.userid, name: user.fields.name ?? null, departments: names.join(", ") || null };
  };
  const withHolders = (userid: string, fields: UserFields): Pick<UserCreateOp, "holders"> => {
    const holders: NonNullable<UserCreateOp["holders"]> = {};
    const byUserid = remoteById.get(userid);
    if (byUserid) holders.userid = holderOf(byUserid);
    for (const field of ["mobile", "email"] as const) {
      const key = comparable(field, fields[field]);
      const found = key === null ? undefined : holderIndex[field].get(key)?.find((u) => u.userid !== userid);
      if (found) holders[field] = holderOf(found);
    }
    return Object.keys(holders).length > 0 ? { holders } : {};
  };
  const decisions = new Map((input.decisions ?? []).map((d) => [d.localId, d]));
  // Apply-on-create fields are left out of every diff against an existing user.
  const updatable = (fields: UserFields): UserFields =>
    rules.createOnly.size === 0
      ? fields
      : Object.fromEntries(Object.entries(fields).filter(([field]) => !rules.createOnly.has(field)));
  const claimed = new Set<string>();
  // Users an administrator linked to an unbound account are that account's: nothing else matches them.
  const reserved = new Set<string>();
  for (const d of decisions.values())
    if (d.decision === "link" && !bindings.has(d.localId) && !boundRemote.has(d.remoteId)) reserved.add(d.remoteId);
  const free = (u: SnapshotUser) => !boundRemote.has(u.userid) && !claimed.has(u.userid) && !reserved.has(u.userid);
  const inScope = new Set<string>();
  const filteredOut = new Set<string>();
  const ops: UserOp[] = [];

  for (const account of input.accounts) {
    if (input.only && !input.only.has(account.id)) continue;
    const decision = decisions.get(account.id);
    // Skipped by an administrator: left alone entirely (not written, not deprovisioned) until un-skipped.
    if (decision?.decision === "skip") {
      inScope.add(account.id);
      continue;
    }
    if (!account.ouIds.some((id) => scope.has(id))) continue;
    // A disabled account is not created; one that was bound follows the deprovisioning policy below.
    if (account.status === "disabled") continue;
    if (input.scopeFilter) {
      const verdict = scopeVerdict(input.scopeFilter, toIdpUser(account));
      if ("error" in verdict) {
        // Bad data must not deprovision anyone: the account is left as it is and says why.
        inScope.add(account.id);
        const reason: Reason = { code: "scope_filter_failed", params: verdict.error };
        const problem = { field: "scope", code: `expression_${verdict.error.code}` } as MappingProblem;
        ops.push({
          objectType: "user",
          kind: "user_invalid",
          localId: account.id,
          remoteId: bindings.get(account.id)?.remoteId,
          displayName: account.displayName,
          warnings: [],
          problems: [problem],
          diff: [],
          reason,
        });
        continue;
      }
      // Filtered out: not created; one that was bound follows the deprovisioning policy below.
      if (!verdict.inScope) {
        filteredOut.add(account.id);
        continue;
      }
    }
    inScope.add(account.id);
    const mapped = mapUser(account, rules);
    const departments = departmentsOf(account, scope, ouDept);
    const problems: MappingProblem[] = [...mapped.errors];
    if (departments.length === 0) problems.push({ field: "dept_id_list", code: "no_department" });
    if (departments.length > MAX_DEPARTMENTS)
      problems.push({
        field: "dept_id_list",
        code: "too_many",
        params: { max: MAX_DEPARTMENTS, count: departments.length },
      });
    const binding = bindings.get(account.id);
    const displayName = mapped.fields.name ?? account.displayName;
    const common = { objectType: "user" as const, localId: account.id, displayName, warnings: mapped.warnings };
    if (problems.length > 0) {
      ops.push({
        ...common,
        kind: "user_invalid",
        remoteId: binding?.remoteId,
        problems,
        diff: [],
        reason: { code: "refused", params: { field: problems[0].field, problem: problems[0].code } },
      });
      continue;
    }
    const identifierValue = idField === "userid" ? mapped.userid : (mapped.fields[idField] ?? null);
    const write = {
      ...common,
      fields: mapped.fields,
      departments,
      contentHash: contentHash({ fields: mapped.fields, departments: departments.map(refKey).sort() }),
      rulesDigest: input.rulesDigest,
      identifier: { field: idField, value: identifierValue },
      ...(fallbacks.length > 0 && {
        fallbacks: fallbacks.map((field) => ({ field, value: mapped.fields[field] ?? null })),
      }),
      ...(rules.createOnly.size > 0 && { createOnly: [...rules.createOnly] }),
    };
    const remote = binding && remoteById.get(binding.remoteId);
    if (binding && remote) {
      claimed.add(remote.userid);
      const diff = diffUser(remote, updatable(mapped.fields), departments);
      if (diff.length === 0) continue;
      const reason = updateReason(binding, write.contentHash, input.rulesDigest);
      ops.push({ ...write, kind: "user_update", remoteId: remote.userid, diff, reason });
      continue;
    }
    if (binding) {
      // The bound user is not under the target node any more: create it again with the same userid.
      const diff = diffUser(undefined, mapped.fields, departments);
      ops.push({
        ...write,
        kind: "user_create",
        userid: binding.remoteId,
        diff,
        reason: { code: "remote_missing", params: { userid: binding.remoteId } },
        ...withHolders(binding.remoteId, mapped.fields),
      });
      continue;
    }
    if (decision?.decision === "link") {
      // Approved by an administrator: bind this account to that DingTalk user, then update it as planned.
      const userid = decision.remoteId;
      const target = remoteById.get(userid);
      if (boundRemote.has(userid) || claimed.has(userid)) {
        const reason: Reason = { code: "link_target_taken", params: { userid, name: target?.fields.name ?? null } };
        ops.push({ ...common, kind: "user_invalid", problems: [{ field: "userid", code: "taken" }], diff: [], reason });
        continue;
      }
      claimed.add(userid);
      // An existing user (read or not): apply-on-create fields are not written to it.
      const diff = diffUser(target, updatable(mapped.fields), departments);
      ops.push({
        ...write,
        kind: "user_bind",
        remoteId: userid,
        diff,
        reason: { code: "linked_by_admin", params: { userid } },
        ...(target && { existing: holderOf(target) }),
      });
      continue;
    }
    // The identifier first, then each enabled fallback in order, among unbound, unclaimed users.
    let matched: { field: string; value: string | null; users: SnapshotUser[]; fallback: boolean } | undefined;
    for (const [field, value, index, fallback] of [
      [idField, identifierValue, byIdentifier, false] as const,
      ...fallbacks.map((f) => [f, mapped.fields[f] ?? null, byFallback.get(f), true] as const),
    ]) {
      const key = comparable(field, value);
      const users = key === null ? [] : (index?.get(key) ?? []).filter(free);
      if (users.length > 0) {
        matched = { field, value, users, fallback };
        break;
      }
    }
    if (matched && matched.users.length > 1) {
      const { field, users } = matched;
      const reason: Reason = { code: "identifier_ambiguous", params: { field, count: users.length } };
      ops.push({ ...common, kind: "user_invalid", problems: [{ field, code: "ambiguous" }], diff: [], reason });
      continue;
    }
    if (matched) {
      const match = matched.users[0];
      claimed.add(match.userid);
      const diff = diffUser(match, updatable(mapped.fields), departments);
      const params = { field: matched.field, value: matched.value };
      const reason: Reason = matched.fallback
        ? { code: "matched_by_fallback", params }
        : { code: "matched_by_identifier", params };
      ops.push({ ...write, kind: "user_bind", remoteId: match.userid, diff, reason, existing: holderOf(match) });
      continue;
    }
    const userid = mapped.userid ?? account.username;
    const holder = remoteById.get(userid);
    if (holder && (boundRemote.has(userid) || claimed.has(userid) || reserved.has(userid) || idField !== "userid")) {
      // The userid belongs to another DingTalk user that the identifier does not match.
      const reason: Reason = { code: "userid_taken", params: { userid, name: holder.fields.name ?? null } };
      ops.push({ ...common, kind: "user_invalid", problems: [{ field: "userid", code: "taken" }], diff: [], reason });
      continue;
    }
    claimed.add(userid);
    const diff = diffUser(undefined, mapped.fields, departments);
    ops.push({
      ...write,
      kind: "user_create",
      userid,
      diff,
      reason: { code: "new" },
      ...withHolders(userid, mapped.fields),
    });
  }

  const accountById = new Map(input.accounts.map((a) => [a.id, a]));
  const deprovision = input.deprovision ?? { policy: "delete" };
  for (const binding of bindings.values()) {
    if (inScope.has(binding.localId) || (input.only && !input.only.has(binding.localId))) continue;
    // A skipped account's user is left as it is, even once the account is deleted.
    if (decisions.get(binding.localId)?.decision === "skip") continue;
    const remote = remoteById.get(binding.remoteId);
    const account = accountById.get(binding.localId);
    const code = !account
      ? "account_deleted"
      : account.status === "disabled"
        ? "account_disabled"
        : filteredOut.has(account.id)
          ? "account_filtered_out"
          : "account_out_of_scope";
    if (deprovision.policy !== "delete") {
      const left = LEFT[code];
      const op = deprovisionOp(binding, remote, deprovision, left);
      if (op) ops.push({ ...op, identifier: { field: idField, value: null } });
      continue;
    }
    ops.push({
      objectType: "user",
      kind: "user_delete",
      localId: binding.localId,
      remoteId: binding.remoteId,
      displayName: remote?.fields.name ?? binding.remoteId,
      warnings: [],
      diff: remote ? [{ field: "userid", before: remote.userid, after: null }] : [],
      reason: { code, params: { remotePresent: !!remote } },
    });
  }
  return ops;
}
