// The plan: a readable value (ops with reasons and field diffs) that apply executes exactly.
import { compile, type CompiledExpression } from "@/lib/expression";
import { mappingFieldCatalog } from "@/lib/mapping";
import { SyncError } from "./errors";
import { compileSyncRules, type CompiledRules } from "./mapping";
import { planDeptDeletes } from "./plan-dept-deletes";
import { planDepartments } from "./plan-departments";
import { planUsers } from "./plan-users";
import { rulesDigest } from "./rules-digest";
import type { Plan, PlanHold, PlanInput, PlanOp, PlanOpKind, UserOp } from "./types";

export const DEFAULT_DELETE_THRESHOLD_PERCENT = 20;
export const DEFAULT_DELETE_THRESHOLD_COUNT = 100;

export const PLAN_OP_KINDS: readonly PlanOpKind[] = [
  "dept_create",
  "dept_update",
  "dept_move",
  "dept_delete",
  "dept_blocked",
  "user_create",
  "user_update",
  "user_bind",
  "user_delete",
  "user_invalid",
];

export function countOps(ops: PlanOp[]): Record<PlanOpKind, number> {
  const counts = Object.fromEntries(PLAN_OP_KINDS.map((k) => [k, 0])) as Record<PlanOpKind, number>;
  for (const op of ops) counts[op.kind] += 1;
  return counts;
}

/** Members each department keeps once the user ops have run. */
function remainingMembers(input: PlanInput, userOps: UserOp[]): Map<number, number> {
  const opByRemote = new Map<string, UserOp>();
  for (const op of userOps) if (op.remoteId) opByRemote.set(op.remoteId, op);
  const counts = new Map<number, number>();
  for (const user of input.snapshot.users) {
    const op = opByRemote.get(user.userid);
    if (op?.kind === "user_delete") continue;
    const hasDepts = op && (op.kind === "user_update" || op.kind === "user_bind");
    const deptIds = hasDepts ? op.departments.flatMap((r) => ("deptId" in r ? [r.deptId] : [])) : user.deptIdList;
    for (const id of deptIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export function holdFor(ops: PlanOp[], boundUsers: number, percent: number, count: number): PlanHold | undefined {
  const deletes = ops.filter((op) => op.kind === "user_delete").length;
  if (deletes === 0) return undefined;
  const overPercent = deletes * 100 > boundUsers * percent;
  if (!overPercent && deletes <= count) return undefined;
  return {
    reason: {
      code: overPercent ? "delete_threshold_percent" : "delete_threshold_count",
      params: { percent, count, deletes, bound: boundUsers },
    },
    deletes,
    bound: boundUsers,
  };
}

/** The scoping filter compiled once per plan; the save action checked it, so a failure here means the catalogue changed. */
function compileScopeFilter(source: string | null | undefined): CompiledExpression | undefined {
  if (!source?.trim()) return undefined;
  try {
    return compile(source.trim());
  } catch (err) {
    throw new SyncError("scope_filter_invalid", {}, { cause: err });
  }
}

/** Plans with rules compiled by the caller (compileSyncRules once per run). */
export function planWithRules(input: PlanInput, rules: CompiledRules): Plan {
  // Kept with each binding written, so the next run can tell an edit of the rules from one of the directory.
  const digest = rulesDigest(input.rules);
  const depts = planDepartments({
    rulesDigest: digest,
    sourceRootIds: input.sourceRootIds,
    ous: input.ous,
    rules,
    snapshot: input.snapshot,
    bindings: input.bindings,
  });
  const only = input.only && new Set(input.only);
  const userOps = planUsers({
    rulesDigest: digest,
    accounts: input.accounts,
    scope: depts.scope,
    ouDept: depts.ouDept,
    rules,
    users: input.snapshot.users,
    bindings: input.bindings,
    only,
    fallbacks: input.matchFallbacks,
    departments: input.snapshot.departments,
    deprovision: input.deprovision,
    decisions: input.decisions,
    scopeFilter: compileScopeFilter(input.scopeFilter),
  });
  const createdUnder = new Map<number, number>();
  for (const op of depts.ops) {
    if (op.kind === "dept_create" && "deptId" in op.parent)
      createdUnder.set(op.parent.deptId, (createdUnder.get(op.parent.deptId) ?? 0) + 1);
  }
  const deletes = planDeptDeletes({
    depts,
    snapshot: input.snapshot,
    remainingMembers: remainingMembers(input, userOps),
    createdUnder,
  });
  const writes = userOps.filter((op) => op.kind !== "user_delete");
  const userDeletes = userOps.filter((op) => op.kind === "user_delete");
  // Apply order: departments top-down, user writes, user deletes, department deletes bottom-up.
  const all: PlanOp[] = [...depts.ops, ...writes, ...userDeletes, ...deletes];
  const ops = only ? all.filter((op) => only.has(op.localId)) : all;
  const boundUsers = input.bindings.filter((b) => b.objectType === "user").length;
  const held = holdFor(
    ops,
    boundUsers,
    input.deleteThresholdPercent ?? DEFAULT_DELETE_THRESHOLD_PERCENT,
    input.deleteThresholdCount ?? DEFAULT_DELETE_THRESHOLD_COUNT,
  );
  return held ? { ops, counts: countOps(ops), held } : { ops, counts: countOps(ops) };
}

/** Compiles the rules and plans; throws SyncError when a rule does not compile. */
export function planSync(input: PlanInput): Plan {
  return planWithRules(input, compileSyncRules(input.rules, mappingFieldCatalog(input.customFieldIds ?? [])));
}
