// Deletes of bound departments whose OU left the scope: only once empty (no member and no
// sub-department left after this run's other ops), children before parents.
import type { DeptPlan } from "./plan-departments";
import type { DeptOp, DingTalkSnapshot } from "./types";

export type DeptDeleteInput = {
  depts: DeptPlan;
  snapshot: DingTalkSnapshot;
  /** Members each department keeps after the run's user ops. */
  remainingMembers: Map<number, number>;
  /** Departments this run creates under an existing department (dept_id -> count). */
  createdUnder: Map<number, number>;
};

function depthIn(snapshot: DingTalkSnapshot): Map<number, number> {
  const byId = new Map(snapshot.departments.map((d) => [d.deptId, d]));
  const depth = new Map<number, number>();
  const of = (id: number): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const parent = byId.get(id)?.parentId;
    const d = parent === null || parent === undefined || !byId.has(parent) ? 1 : of(parent) + 1;
    depth.set(id, d);
    return d;
  };
  for (const d of snapshot.departments) of(d.deptId);
  return depth;
}

/** dept_delete for the empty ones (deepest first), dept_blocked for the rest. */
export function planDeptDeletes({ depts, snapshot, remainingMembers, createdUnder }: DeptDeleteInput): DeptOp[] {
  const depth = depthIn(snapshot);
  const children = new Map<number, number[]>();
  for (const d of snapshot.departments) {
    const ref = depts.finalParent.get(d.deptId) ?? (d.parentId === null ? undefined : { deptId: d.parentId });
    if (!ref || !("deptId" in ref)) continue;
    children.set(ref.deptId, [...(children.get(ref.deptId) ?? []), d.deptId]);
  }
  const orphans = [...depts.orphans].sort(
    (a, b) => (depth.get(Number(b.binding.remoteId)) ?? 0) - (depth.get(Number(a.binding.remoteId)) ?? 0),
  );
  const deletable = new Set<number>();
  const ops: DeptOp[] = [];
  for (const { binding, remote, ouGone } of orphans) {
    const base = {
      objectType: "organization" as const,
      localId: binding.localId,
      remoteId: binding.remoteId,
      diff: [],
    };
    const why = ouGone ? "ou_deleted" : "ou_out_of_scope";
    if (!remote) {
      ops.push({
        ...base,
        kind: "dept_delete",
        displayName: binding.remoteId,
        reason: { code: why, params: { remotePresent: false } },
      });
      continue;
    }
    const members = remainingMembers.get(remote.deptId) ?? 0;
    const subs =
      (children.get(remote.deptId) ?? []).filter((id) => !deletable.has(id)).length +
      (createdUnder.get(remote.deptId) ?? 0);
    const diff = [{ field: "name", before: remote.name, after: null }];
    if (members > 0 || subs > 0) {
      ops.push({
        ...base,
        kind: "dept_blocked",
        displayName: remote.name,
        reason: { code: "delete_not_empty", params: { members, subDepartments: subs } },
      });
      continue;
    }
    deletable.add(remote.deptId);
    ops.push({
      ...base,
      kind: "dept_delete",
      displayName: remote.name,
      reason: { code: why, params: { remotePresent: true } },
      diff,
    });
  }
  return ops;
}
