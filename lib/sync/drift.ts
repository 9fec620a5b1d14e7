// Drift: what changed in DingTalk behind the console's back. A reconciliation reads everything under
// the target node, plans as a full run would, and reads the plan's ops on bound objects as drift: an
// update of a bound object whose content the console did not change since it last wrote it is a change
// made in DingTalk; a re-create is a deletion there; a new parent (or new departments for a user) is a
// move. What is under the target node and bound to nothing is unknown: listed, never written.
import type { DriftKind } from "./drift-kinds";
import { contentHash } from "./hash";
import { countOps } from "./plan";
import { refKey } from "./plan-departments";
import type { BindingRecord, DingTalkSnapshot, FieldDiff, ObjectType, Plan, PlanOp } from "./types";

export { DRIFT_KINDS, type DriftKind } from "./drift-kinds";

export type DriftItem = {
  kind: DriftKind;
  objectType: ObjectType;
  /** The account or OU; null for an unknown object. */
  localId: string | null;
  /** DingTalk userid, or dept_id as text. */
  remoteId: string;
  displayName: string;
  /** DingTalk's value (before) against the console's (after); departments by name. */
  diff: FieldDiff[];
  /** The directory or the rules changed too since the console last wrote this object. */
  directoryChanged: boolean;
};

export type DriftInput = {
  plan: Plan;
  snapshot: DingTalkSnapshot;
  bindings: BindingRecord[];
  /** Names of the OUs a diff may point at ("ou:<id>" in a plan's department refs). */
  ouNames?: Map<string, string>;
  /** The target node's name, for a user or department placed directly under it. */
  targetName?: string;
};

const DEPT_FIELDS = new Set(["dept_id_list", "parent_id"]);

/** A department key of a diff ("123", "ou:<id>", or a comma list of them) as names. */
function namesOf(value: string | null, input: DriftInput, deptNames: Map<string, string>): string | null {
  if (value === null) return null;
  return value
    .split(",")
    .map((key) => {
      if (key === String(input.snapshot.targetDeptId)) return input.targetName ?? key;
      if (key.startsWith("ou:")) return input.ouNames?.get(key.slice(3)) ?? key;
      return deptNames.get(key) ?? key;
    })
    .sort()
    .join(", ");
}

function bindingKey(objectType: ObjectType, localId: string): string {
  return `${objectType}:${localId}`;
}

/**
 * Whether the content the console would write now differs from what it last wrote. A user's hash names
 * its departments as a run saw them: by dept_id, or by OU when that run created the department; so
 * each department is tried both ways (the OU bound to that dept_id).
 */
function contentChanged(op: PlanOp, binding: BindingRecord, ouOfDept: Map<string, string>): boolean {
  if (!("contentHash" in op) || binding.contentHash === null || op.contentHash === binding.contentHash) return false;
  if (op.objectType !== "user" || !("departments" in op)) return true;
  const keys = op.departments.map(refKey);
  if (keys.length > 6) return true;
  for (let mask = 0; mask < 1 << keys.length; mask++) {
    const variant = keys.map((key, i) => {
      const ou = ouOfDept.get(key);
      return mask & (1 << i) && ou ? `ou:${ou}` : key;
    });
    if (contentHash({ fields: op.fields, departments: variant.sort() }) === binding.contentHash) return false;
  }
  return true;
}

/**
 * Whether an update of a bound object is DingTalk's doing: the console would write what it last wrote
 * (reason remote_drift), or the same content with a department named by its OU instead of its dept_id
 * (the plan's reason then says source_changed although nothing changed in the console). An update the
 * console's directory or rules caused (mapping_changed, source_changed) is its own pending work, not drift.
 */
function isRemoteDrift(op: PlanOp, binding: BindingRecord, ouOfDept: Map<string, string>): boolean {
  if (op.reason.code === "remote_drift") return true;
  if (op.reason.code !== "source_changed" && op.reason.code !== "mapping_changed") return false;
  return binding.contentHash !== null && !contentChanged(op, binding, ouOfDept);
}

/** The drift one plan op stands for, or null when it is the console's own pending work (new, edited, deprovisioning...). */
function driftOf(
  op: PlanOp,
  binding: BindingRecord | undefined,
  ouOfDept: Map<string, string>,
): Omit<DriftItem, "diff"> | null {
  if (!binding) return null;
  const base = { objectType: op.objectType, localId: op.localId, displayName: op.displayName };
  switch (op.kind) {
    case "user_create":
    case "dept_create":
      if (op.reason.code !== "remote_missing") return null;
      return {
        ...base,
        kind: "deleted",
        remoteId: binding.remoteId,
        directoryChanged: contentChanged(op, binding, ouOfDept),
      };
    case "dept_move":
      if (op.bind || !isRemoteDrift(op, binding, ouOfDept)) return null;
      return { ...base, kind: "moved", remoteId: op.remoteId, directoryChanged: false };
    case "dept_update":
      if (op.bind || !isRemoteDrift(op, binding, ouOfDept)) return null;
      return { ...base, kind: "changed", remoteId: op.remoteId, directoryChanged: false };
    case "user_update": {
      if (!isRemoteDrift(op, binding, ouOfDept)) return null;
      const isMove = op.diff.length > 0 && op.diff.every((d) => DEPT_FIELDS.has(d.field));
      return { ...base, kind: isMove ? "moved" : "changed", remoteId: op.remoteId, directoryChanged: false };
    }
    default:
      return null;
  }
}

/** Every difference between DingTalk under the target node and what the console bound and would write. */
export function classifyDrift(input: DriftInput): DriftItem[] {
  const { plan, snapshot, bindings } = input;
  const ouOfDept = new Map(bindings.filter((b) => b.objectType === "organization").map((b) => [b.remoteId, b.localId]));
  // A department DingTalk no longer shows is named by the OU bound to it.
  const deptNames = new Map<string, string>();
  for (const [deptId, ouId] of ouOfDept) {
    const name = input.ouNames?.get(ouId);
    if (name) deptNames.set(deptId, name);
  }
  for (const d of snapshot.departments) deptNames.set(String(d.deptId), d.name);
  const byLocal = new Map(bindings.map((b) => [bindingKey(b.objectType, b.localId), b]));
  const items: DriftItem[] = [];
  for (const op of plan.ops) {
    const drift = driftOf(op, byLocal.get(bindingKey(op.objectType, op.localId)), ouOfDept);
    if (!drift) continue;
    const diff = op.diff.map((d) =>
      DEPT_FIELDS.has(d.field)
        ? { field: d.field, before: namesOf(d.before, input, deptNames), after: namesOf(d.after, input, deptNames) }
        : d,
    );
    items.push({ ...drift, diff });
  }
  const boundRemote = new Set(bindings.map((b) => `${b.objectType}:${b.remoteId}`));
  for (const dept of snapshot.departments) {
    if (boundRemote.has(`organization:${dept.deptId}`)) continue;
    const parent = dept.parentId === null ? null : String(dept.parentId);
    items.push({
      kind: "unknown",
      objectType: "organization",
      localId: null,
      remoteId: String(dept.deptId),
      displayName: dept.name,
      diff: [{ field: "parent_id", before: namesOf(parent, input, deptNames), after: null }],
      directoryChanged: false,
    });
  }
  // Users read from elsewhere (a holding department, a linked user) are not under the target node.
  const underTarget = new Set([snapshot.targetDeptId, ...snapshot.departments.map((d) => d.deptId)]);
  for (const user of snapshot.users) {
    if (boundRemote.has(`user:${user.userid}`) || !user.deptIdList.some((id) => underTarget.has(id))) continue;
    items.push({
      kind: "unknown",
      objectType: "user",
      localId: null,
      remoteId: user.userid,
      displayName: user.fields.name ?? user.userid,
      diff: [{ field: "dept_id_list", before: namesOf(user.deptIdList.join(","), input, deptNames), after: null }],
      directoryChanged: false,
    });
  }
  return items;
}

export function countDrift(items: Pick<DriftItem, "kind">[]): Record<DriftKind, number> {
  const counts = { changed: 0, deleted: 0, moved: 0, unknown: 0 };
  for (const item of items) counts[item.kind] += 1;
  return counts;
}

/**
 * The objects a repair writes: every drifted object the console binds whose directory did not change
 * since the console last wrote it (writing it would also write console changes nobody approved);
 * unknown objects never.
 */
export function repairTargets(items: { kind: string; localId: string | null; directoryChanged: boolean }[]): string[] {
  return [
    ...new Set(items.flatMap((i) => (i.kind !== "unknown" && !i.directoryChanged && i.localId ? [i.localId] : []))),
  ];
}

/**
 * The plan a repair writes, from a plan made now: only the updates, moves and re-creates that are still
 * DingTalk's drift on the given objects (and not changed in the console since). Never a delete, a
 * deprovisioning, a link to an existing DingTalk object or the create of a new object.
 */
export function repairPlan(input: DriftInput, localIds: Iterable<string>): Plan {
  const wanted = new Set(localIds);
  const drifted = new Set(
    classifyDrift(input).flatMap((i) =>
      i.kind !== "unknown" && !i.directoryChanged && i.localId && wanted.has(i.localId)
        ? [bindingKey(i.objectType, i.localId)]
        : [],
    ),
  );
  const ops = input.plan.ops.filter(
    (op) => REPAIR_OP_KINDS.has(op.kind) && drifted.has(bindingKey(op.objectType, op.localId)),
  );
  return { ops, counts: countOps(ops) };
}

const REPAIR_OP_KINDS = new Set<PlanOp["kind"]>([
  "user_update",
  "user_create",
  "dept_update",
  "dept_move",
  "dept_create",
]);
