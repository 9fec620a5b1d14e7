// Accounts become DingTalk users: bound ones follow their binding, unbound ones match by
// the mapping identifier (bind and update) or are created; bound users whose account left
// are deleted. DingTalk users that no binding or match touches are never in the plan.
import { comparable } from "./fields";
import { contentHash } from "./hash";
import { mapUser, type CompiledRules } from "./mapping";
import { refKey } from "./plan-departments";
import type {
  BindingRecord,
  DeptRef,
  FieldDiff,
  MappingProblem,
  Reason,
  SnapshotUser,
  SourceAccount,
  UserFields,
  UserOp,
} from "./types";

export type UserPlanInput = {
  accounts: SourceAccount[];
  /** OUs in scope and where their members go (refused OUs are absent). */
  scope: Set<string>;
  ouDept: Map<string, DeptRef>;
  rules: CompiledRules;
  users: SnapshotUser[];
  bindings: BindingRecord[];
  /** Only these accounts (and bindings) are planned. */
  only?: Set<string>;
};

const MAX_DEPARTMENTS = 100;

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

export function planUsers(input: UserPlanInput): UserOp[] {
  const { rules, scope, ouDept } = input;
  const bindings = new Map(input.bindings.filter((b) => b.objectType === "user").map((b) => [b.localId, b]));
  const boundRemote = new Set([...bindings.values()].map((b) => b.remoteId));
  const remoteById = new Map(input.users.map((u) => [u.userid, u]));
  const idField = rules.identifierField;
  const byIdentifier = new Map<string, SnapshotUser[]>();
  for (const u of input.users) {
    const key = comparable(idField, remoteValue(u, idField));
    if (key !== null) byIdentifier.set(key, [...(byIdentifier.get(key) ?? []), u]);
  }
  const claimed = new Set<string>();
  const inScope = new Set<string>();
  const ops: UserOp[] = [];

  for (const account of input.accounts) {
    if (input.only && !input.only.has(account.id)) continue;
    if (!account.ouIds.some((id) => scope.has(id))) continue;
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
      identifier: { field: idField, value: identifierValue },
    };
    const remote = binding && remoteById.get(binding.remoteId);
    if (binding && remote) {
      claimed.add(remote.userid);
      const diff = diffUser(remote, mapped.fields, departments);
      if (diff.length === 0) continue;
      const reason: Reason = { code: binding.contentHash === write.contentHash ? "remote_drift" : "source_changed" };
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
      });
      continue;
    }
    const key = comparable(idField, identifierValue);
    const candidates =
      key === null
        ? []
        : (byIdentifier.get(key) ?? []).filter((u) => !boundRemote.has(u.userid) && !claimed.has(u.userid));
    if (candidates.length > 1) {
      const reason: Reason = { code: "identifier_ambiguous", params: { field: idField, count: candidates.length } };
      ops.push({
        ...common,
        kind: "user_invalid",
        problems: [{ field: idField, code: "ambiguous" }],
        diff: [],
        reason,
      });
      continue;
    }
    if (candidates.length === 1) {
      const match = candidates[0];
      claimed.add(match.userid);
      const diff = diffUser(match, mapped.fields, departments);
      const reason: Reason = { code: "matched_by_identifier", params: { field: idField, value: identifierValue } };
      ops.push({ ...write, kind: "user_bind", remoteId: match.userid, diff, reason });
      continue;
    }
    const userid = mapped.userid ?? account.username;
    const holder = remoteById.get(userid);
    if (holder && (boundRemote.has(userid) || claimed.has(userid) || idField !== "userid")) {
      // The userid belongs to another DingTalk user that the identifier does not match.
      const reason: Reason = { code: "userid_taken", params: { userid, name: holder.fields.name ?? null } };
      ops.push({ ...common, kind: "user_invalid", problems: [{ field: "userid", code: "taken" }], diff: [], reason });
      continue;
    }
    claimed.add(userid);
    const diff = diffUser(undefined, mapped.fields, departments);
    ops.push({ ...write, kind: "user_create", userid, diff, reason: { code: "new" } });
  }

  const accountIds = new Set(input.accounts.map((a) => a.id));
  for (const binding of bindings.values()) {
    if (inScope.has(binding.localId) || (input.only && !input.only.has(binding.localId))) continue;
    const remote = remoteById.get(binding.remoteId);
    const code = accountIds.has(binding.localId) ? "account_out_of_scope" : "account_deleted";
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
