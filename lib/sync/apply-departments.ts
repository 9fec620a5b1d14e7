// Department ops through the client: creates and moves top-down, deletes bottom-up.
import { isDingTalkError } from "@/lib/dingtalk";
import { resolveDept, type ApplyContext, type Outcome } from "./apply-context";
import type { DeptCreateOp, DeptDeleteOp, DeptMoveOp, DeptUpdateOp } from "./types";

function changed(op: DeptUpdateOp | DeptMoveOp, field: string): boolean {
  return op.diff.some((d) => d.field === field);
}

async function bindExisting(ctx: ApplyContext, op: DeptCreateOp, parentId: number): Promise<Outcome | undefined> {
  const siblings = await ctx.client.listSubDepartments(parentId);
  const existing = siblings.find((d) => d.name === op.fields.name);
  if (!existing) return undefined;
  const holder = await ctx.store.findBindingByRemote("organization", String(existing.deptId));
  if (holder && holder.localId !== op.localId) {
    return {
      action: "create",
      status: "failed",
      errcode: 60008,
      reason: { code: "name_taken_by_bound", params: { deptId: existing.deptId, localId: holder.localId } },
    };
  }
  if (existing.order !== op.fields.order)
    await ctx.client.updateDepartment({ deptId: existing.deptId, order: op.fields.order });
  await ctx.store.writeBinding({
    objectType: "organization",
    localId: op.localId,
    remoteId: String(existing.deptId),
    contentHash: op.contentHash,
    rulesDigest: op.rulesDigest ?? null,
  });
  ctx.createdDepts.set(op.localId, existing.deptId);
  return {
    action: "bind",
    status: "succeeded",
    remoteId: String(existing.deptId),
    reason: { code: "matched_on_name_conflict", params: { deptId: existing.deptId } },
  };
}

export async function applyDeptCreate(ctx: ApplyContext, op: DeptCreateOp): Promise<Outcome> {
  const parentId = resolveDept(ctx, op.parent);
  let deptId: number;
  try {
    deptId = await ctx.client.createDepartment({
      name: op.fields.name,
      parentId,
      order: op.fields.order,
      sourceIdentifier: op.fields.sourceIdentifier,
    });
  } catch (err) {
    if (!isDingTalkError(err) || err.effectiveCode !== 60008) throw err;
    const bound = await bindExisting(ctx, op, parentId);
    if (!bound) throw err;
    return bound;
  }
  // Bound right away: a crash after this point never creates the department twice.
  await ctx.store.writeBinding({
    objectType: "organization",
    localId: op.localId,
    remoteId: String(deptId),
    contentHash: op.contentHash,
    rulesDigest: op.rulesDigest ?? null,
  });
  ctx.createdDepts.set(op.localId, deptId);
  return { action: "create", status: "succeeded", remoteId: String(deptId) };
}

export async function applyDeptUpdate(ctx: ApplyContext, op: DeptUpdateOp | DeptMoveOp): Promise<Outcome> {
  const deptId = Number(op.remoteId);
  const isMove = op.kind === "dept_move";
  const parentId = isMove ? resolveDept(ctx, op.parent) : undefined;
  const input = {
    deptId,
    parentId,
    name: changed(op, "name") ? op.fields.name : undefined,
    order: changed(op, "order") ? op.fields.order : undefined,
    sourceIdentifier: changed(op, "source_identifier") ? op.fields.sourceIdentifier : undefined,
  };
  if (isMove || input.name !== undefined || input.order !== undefined || input.sourceIdentifier !== undefined) {
    await ctx.client.updateDepartment(input);
  }
  await ctx.store.writeBinding({
    objectType: "organization",
    localId: op.localId,
    remoteId: op.remoteId,
    contentHash: op.contentHash,
    rulesDigest: op.rulesDigest ?? null,
  });
  return { action: isMove ? "move" : op.bind ? "bind" : "update", status: "succeeded" };
}

export async function applyDeptDelete(ctx: ApplyContext, op: DeptDeleteOp): Promise<Outcome> {
  try {
    await ctx.client.deleteDepartment(Number(op.remoteId));
  } catch (err) {
    // Already gone is what we wanted.
    if (!isDingTalkError(err) || err.effectiveCode !== 60003) throw err;
  }
  await ctx.store.deleteBinding("organization", op.localId);
  return { action: "delete", status: "succeeded" };
}
