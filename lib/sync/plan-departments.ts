// The OU tree under each source organization becomes a department tree under the target
// node. Bound OUs follow their binding; unbound ones match by source_identifier, then by
// name under the same parent; the rest are created. Deletes are decided later (planDeptDeletes)
// because a department may only go once its members and sub-departments have left.
import { checkDeptName, MAX_DEPT_LEVELS } from "./fields";
import { contentHash } from "./hash";
import { updateReason } from "./rules-digest";
import { mapOuName, type CompiledRules } from "./mapping";
import type {
  BindingRecord,
  DeptFields,
  DeptOp,
  DeptRef,
  DingTalkSnapshot,
  FieldDiff,
  Reason,
  SnapshotDepartment,
  SourceOu,
} from "./types";

export type DeptPlan = {
  /** Creates, updates, moves and refusals, parents before children. */
  ops: DeptOp[];
  /** Where each OU's members go (OUs refused have none). */
  ouDept: Map<string, DeptRef>;
  /** The OUs in scope, source roots included. */
  scope: Set<string>;
  /** Bound departments whose OU left the scope. */
  orphans: { binding: BindingRecord; remote: SnapshotDepartment | undefined; ouGone: boolean }[];
  /** Where each department will sit after the run (dept_id -> parent dept_id or a pending OU). */
  finalParent: Map<number, DeptRef>;
};

export type DeptPlanInput = {
  /** rulesDigest() of the run's rules: written with each binding, and tells a rule edit apart. */
  rulesDigest?: string;
  sourceRootIds: string[];
  ous: SourceOu[];
  rules: CompiledRules;
  snapshot: DingTalkSnapshot;
  bindings: BindingRecord[];
};

export function refKey(ref: DeptRef): string {
  return "deptId" in ref ? String(ref.deptId) : `ou:${ref.ouId}`;
}

type Walked = { ou: SourceOu; depth: number };

/** Breadth-first from the roots: each OU once, with its depth below its root (children of a root: 1). */
function walk(sourceRootIds: string[], ous: SourceOu[]): { order: Walked[]; scope: Set<string>; roots: Set<string> } {
  const byId = new Map(ous.map((ou) => [ou.id, ou]));
  const children = new Map<string, SourceOu[]>();
  for (const ou of ous) {
    if (ou.parentId === null) continue;
    const list = children.get(ou.parentId) ?? [];
    list.push(ou);
    children.set(ou.parentId, list);
  }
  for (const list of children.values())
    list.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const roots = new Set(sourceRootIds.filter((id) => byId.has(id)));
  const scope = new Set(roots);
  const order: Walked[] = [];
  let level = [...roots].map((id) => ({ ou: byId.get(id) as SourceOu, depth: 0 }));
  while (level.length > 0) {
    const next: Walked[] = [];
    for (const { ou, depth } of level) {
      for (const child of children.get(ou.id) ?? []) {
        if (scope.has(child.id)) continue;
        scope.add(child.id);
        next.push({ ou: child, depth: depth + 1 });
      }
    }
    order.push(...next);
    level = next;
  }
  return { order, scope, roots };
}

function blocked(ou: SourceOu, displayName: string, reason: Reason, remoteId?: string): DeptOp {
  return { kind: "dept_blocked", objectType: "organization", localId: ou.id, remoteId, displayName, reason, diff: [] };
}

export function planDepartments(input: DeptPlanInput): DeptPlan {
  const { snapshot, rules } = input;
  const { order, scope, roots } = walk(input.sourceRootIds, input.ous);
  const remoteById = new Map(snapshot.departments.map((d) => [d.deptId, d]));
  const bindings = new Map(input.bindings.filter((b) => b.objectType === "organization").map((b) => [b.localId, b]));
  const boundRemote = new Set([...bindings.values()].map((b) => b.remoteId));
  const claimed = new Set<number>();
  const ouDept = new Map<string, DeptRef>();
  for (const id of roots) ouDept.set(id, { deptId: snapshot.targetDeptId });
  const finalParent = new Map<number, DeptRef>();
  const siblingNames = new Set<string>();
  const ops: DeptOp[] = [];
  const checked = snapshot.partial && new Set(snapshot.partial.checkedDeptIds);
  // A partial snapshot did not read this bound department: take it as last written (no op).
  const assumed = (binding: BindingRecord, parent: DeptRef, fields: DeptFields): SnapshotDepartment | undefined => {
    const deptId = Number(binding.remoteId);
    if (!checked || checked.has(deptId)) return undefined;
    return {
      deptId,
      name: fields.name,
      parentId: "deptId" in parent ? parent.deptId : null,
      order: fields.order,
      sourceIdentifier: fields.sourceIdentifier,
    };
  };

  const findMatch = (
    ou: SourceOu,
    parent: DeptRef,
    name: string,
  ): { remote: SnapshotDepartment; reason: Reason } | undefined => {
    const free = snapshot.departments.filter((d) => !boundRemote.has(String(d.deptId)) && !claimed.has(d.deptId));
    const keys = [ou.id, ou.externalId].filter((k): k is string => !!k);
    const bySource = free.find((d) => d.sourceIdentifier !== undefined && keys.includes(d.sourceIdentifier));
    if (bySource)
      return {
        remote: bySource,
        reason: {
          code: "matched_by_source_identifier",
          params: { sourceIdentifier: bySource.sourceIdentifier ?? null },
        },
      };
    if (!("deptId" in parent)) return undefined;
    const byName = free.find((d) => d.parentId === parent.deptId && d.name === name);
    return byName && { remote: byName, reason: { code: "matched_by_name", params: { name } } };
  };

  for (const { ou, depth } of order) {
    const parent = ou.parentId === null ? undefined : ouDept.get(ou.parentId);
    const mapped = mapOuName(ou, rules);
    const displayName = mapped.value || ou.name;
    const binding = bindings.get(ou.id);
    if (!parent) {
      ops.push(
        blocked(ou, displayName, { code: "parent_blocked", params: { parentId: ou.parentId } }, binding?.remoteId),
      );
      continue;
    }
    const level = snapshot.targetLevel + depth;
    if (level > MAX_DEPT_LEVELS) {
      ops.push(
        blocked(ou, displayName, { code: "too_deep", params: { level, max: MAX_DEPT_LEVELS } }, binding?.remoteId),
      );
      continue;
    }
    if (mapped.error) {
      ops.push(
        blocked(
          ou,
          displayName,
          { code: "mapping_error", params: { field: "name", code: mapped.error.code } },
          binding?.remoteId,
        ),
      );
      continue;
    }
    const name = mapped.value ?? "";
    const nameProblem = checkDeptName(name);
    if (nameProblem) {
      ops.push(
        blocked(
          ou,
          displayName,
          { code: "invalid_name", params: { problem: nameProblem.code, name, ...nameProblem.params } },
          binding?.remoteId,
        ),
      );
      continue;
    }
    const siblingKey = `${refKey(parent)}/${name}`;
    if (siblingNames.has(siblingKey)) {
      ops.push(blocked(ou, displayName, { code: "name_conflict", params: { name } }, binding?.remoteId));
      continue;
    }
    siblingNames.add(siblingKey);

    const fields: DeptFields = { name, order: ou.order, sourceIdentifier: ou.externalId ?? ou.id };
    const hash = contentHash({ name, order: ou.order, parent: ou.parentId });
    const bound = binding && (remoteById.get(Number(binding.remoteId)) ?? assumed(binding, parent, fields));
    const match = bound
      ? {
          remote: bound,
          reason: updateReason(binding, hash, input.rulesDigest),
        }
      : findMatch(ou, parent, name);
    if (!match) {
      const reason: Reason = binding
        ? { code: "remote_missing", params: { deptId: binding.remoteId } }
        : { code: "new" };
      const diff: FieldDiff[] = [
        { field: "name", before: null, after: name },
        { field: "order", before: null, after: String(ou.order) },
        { field: "parent_id", before: null, after: refKey(parent) },
      ];
      ops.push({
        kind: "dept_create",
        objectType: "organization",
        localId: ou.id,
        displayName: name,
        reason,
        diff,
        parent,
        fields,
        contentHash: hash,
        rulesDigest: input.rulesDigest,
      });
      ouDept.set(ou.id, { ouId: ou.id });
      continue;
    }
    const { remote } = match;
    claimed.add(remote.deptId);
    ouDept.set(ou.id, { deptId: remote.deptId });
    const isBind = !bound;
    const diff: FieldDiff[] = [];
    if (remote.name !== name) diff.push({ field: "name", before: remote.name, after: name });
    if (remote.order !== undefined && remote.order !== ou.order)
      diff.push({ field: "order", before: String(remote.order), after: String(ou.order) });
    if (isBind && !remote.sourceIdentifier)
      diff.push({ field: "source_identifier", before: null, after: fields.sourceIdentifier });
    const moved = !("deptId" in parent) || parent.deptId !== remote.parentId;
    finalParent.set(remote.deptId, moved ? parent : { deptId: remote.parentId ?? snapshot.targetDeptId });
    const base = {
      objectType: "organization" as const,
      localId: ou.id,
      remoteId: String(remote.deptId),
      displayName: name,
      reason: match.reason,
      fields,
      contentHash: hash,
      rulesDigest: input.rulesDigest,
      bind: isBind,
    };
    if (moved) {
      diff.push({
        field: "parent_id",
        before: remote.parentId === null ? null : String(remote.parentId),
        after: refKey(parent),
      });
      ops.push({ ...base, kind: "dept_move", parent, diff });
    } else if (diff.length > 0 || isBind) {
      ops.push({ ...base, kind: "dept_update", diff });
    }
  }

  const ouIds = new Set(input.ous.map((ou) => ou.id));
  const orphans: DeptPlan["orphans"] = [];
  for (const binding of bindings.values()) {
    if (scope.has(binding.localId) && !roots.has(binding.localId)) continue;
    orphans.push({ binding, remote: remoteById.get(Number(binding.remoteId)), ouGone: !ouIds.has(binding.localId) });
  }
  return { ops, ouDept, scope, orphans, finalParent };
}
