// User ops through the client, idempotent: a clash on create (60102 userid, 60104 mobile, 60106
// e-mail exists) reads the holder and binds it only when the identifier or an enabled fallback
// matches it (lib/sync/matching.ts), else fails the record as a conflict naming that user;
// 60121 on update creates again; a binding is written right after each successful write.
import {
  isDingTalkError,
  type DingTalkCreateUserInput,
  type DingTalkError,
  type DingTalkUpdateUserInput,
} from "@/lib/dingtalk";
import { resolveDept, type ApplyContext, type Outcome } from "./apply-context";
import { clashField, matchExisting } from "./matching";
import { diffUser } from "./plan-users";
import { toSnapshotUser } from "./snapshot";
import type { FieldDiff, Reason, UserBindOp, UserCreateOp, UserDeleteOp, UserFields, UserUpdateOp } from "./types";

type UserWriteOp = UserCreateOp | UserUpdateOp | UserBindOp;

type WireFields = Omit<DingTalkUpdateUserInput, "userid">;

/** Fields the client names itself; userToWire lets its own keys win over `extra`, so these must go by name. */
const NAMED: Record<string, (f: WireFields, value: string | null) => void> = {
  name: (f, v) => (f.name = v ?? ""),
  mobile: (f, v) => (f.mobile = v ?? ""),
  telephone: (f, v) => (f.telephone = v ?? ""),
  job_number: (f, v) => (f.jobNumber = v ?? ""),
  title: (f, v) => (f.title = v ?? ""),
  email: (f, v) => (f.email = v ?? ""),
  org_email: (f, v) => (f.orgEmail = v ?? ""),
  org_email_type: (f, v) => (f.orgEmailType = v ?? ""),
  work_place: (f, v) => (f.workPlace = v ?? ""),
  remark: (f, v) => (f.remark = v ?? ""),
  extension: (f, v) => (f.extension = v ?? ""),
  manager_userid: (f, v) => (f.managerUserid = v ?? ""),
  login_email: (f, v) => (f.loginEmail = v ?? ""),
  hide_mobile: (f, v) => (f.hideMobile = v === "true"),
  senior_mode: (f, v) => (f.seniorMode = v === "true"),
  hired_date: (f, v) => (f.hiredDate = v && /^\d+$/.test(v) ? Number(v) : undefined),
};

/** DingTalk fields by wire name (null clears) -> the client's input. */
function toWire(values: [string, string | null][]): WireFields {
  const out: WireFields = {};
  const extra: Record<string, string> = {};
  for (const [field, value] of values) {
    const named = NAMED[field];
    if (named) named(out, value);
    else extra[field] = value ?? "";
  }
  if (Object.keys(extra).length > 0) out.extra = extra;
  return out;
}

/** The update body for the fields of `diff` (null clears a field). */
function updateInput(ctx: ApplyContext, op: UserWriteOp, userid: string, diff: FieldDiff[]): DingTalkUpdateUserInput {
  const fields = diff
    .filter((d) => d.field !== "dept_id_list")
    .map((d): [string, string | null] => [d.field, op.fields[d.field] ?? null]);
  const changesDepts = diff.some((d) => d.field === "dept_id_list");
  return {
    ...toWire(fields),
    userid,
    deptIdList: changesDepts ? op.departments.map((r) => resolveDept(ctx, r)) : undefined,
  };
}

function createInput(ctx: ApplyContext, fields: UserFields, op: UserWriteOp, userid: string): DingTalkCreateUserInput {
  const present = Object.entries(fields).filter((e): e is [string, string] => e[1] !== null);
  return {
    ...toWire(present),
    userid,
    name: fields.name ?? userid,
    deptIdList: op.departments.map((r) => resolveDept(ctx, r)),
  };
}

async function bind(ctx: ApplyContext, op: UserWriteOp, userid: string): Promise<void> {
  await ctx.store.writeBinding({
    objectType: "user",
    localId: op.localId,
    remoteId: userid,
    contentHash: op.contentHash,
    rulesDigest: op.rulesDigest ?? null,
  });
}

type Clashed = { userid: string; name: string | null; departments: string | null };

/** A refused clash: names the DingTalk user that holds the value (when known), the field, and the fix. */
function conflict(op: UserWriteOp, cause: DingTalkError, field: string, holder: Clashed | undefined): Outcome {
  const value = field === "userid" ? (holder?.userid ?? null) : (op.fields[field] ?? null);
  const clash = { field, value, account: op.displayName };
  return {
    action: "create",
    status: "failed",
    errcode: cause.effectiveCode,
    errorMessage: cause.message,
    reason: holder
      ? { code: "clash_with_user", params: { ...clash, ...holder } }
      : { code: "clash_outside_scope", params: clash },
  };
}

/**
 * A create DingTalk refused because an existing user holds the userid, mobile or e-mail: reads
 * that user and binds it (updating what differs) only when the identifier or an enabled fallback
 * matches it and no other account holds it; anything else is a conflict and nothing is written.
 */
async function adopt(ctx: ApplyContext, op: UserWriteOp, userid: string, cause: DingTalkError): Promise<Outcome> {
  const remote = toSnapshotUser(await ctx.client.getUser(userid));
  const holder = await ctx.store.findBindingByRemote("user", userid);
  const errcode = cause.effectiveCode;
  if (holder && holder.localId !== op.localId) {
    const params = { userid, name: remote.fields.name ?? null, boundTo: holder.localId, account: op.displayName };
    return {
      action: "create",
      status: "failed",
      errcode,
      errorMessage: cause.message,
      reason: { code: "conflict_bound_elsewhere", params },
    };
  }
  const field = clashField(errcode) ?? "userid";
  const matched = matchExisting(remote, op.identifier, op.fallbacks ?? [], errcode);
  if (!matched) {
    const known = op.kind === "user_create" ? op.holders?.[field] : undefined;
    const departments = known?.userid === userid ? known.departments : null;
    return conflict(op, cause, field, { userid, name: remote.fields.name ?? null, departments });
  }
  // An existing user: apply-on-create fields are not written.
  const createOnly = new Set(op.createOnly ?? []);
  const fields = Object.fromEntries(Object.entries(op.fields).filter(([field]) => !createOnly.has(field)));
  const diff = diffUser(remote, fields, op.departments);
  if (diff.length > 0) await ctx.client.updateUser(updateInput(ctx, op, userid, diff));
  await bind(ctx, op, userid);
  const reason: Reason =
    matched.by === "fallback"
      ? { code: "bound_by_fallback", params: { userid, field: matched.field } }
      : { code: errcode === 60104 ? "bound_by_mobile" : "bound_by_userid", params: { userid } };
  return { action: "bind", status: "succeeded", remoteId: userid, diff, reason };
}

async function create(ctx: ApplyContext, op: UserWriteOp, userid: string): Promise<Outcome> {
  try {
    await ctx.client.createUser(createInput(ctx, op.fields, op, userid));
  } catch (err) {
    if (!isDingTalkError(err)) throw err;
    if (err.effectiveCode === 60102) return adopt(ctx, op, userid, err);
    const mobile = op.fields.mobile;
    if (err.effectiveCode === 60104 && mobile) return adopt(ctx, op, await ctx.client.getUseridByMobile(mobile), err);
    if (err.effectiveCode === 60106) {
      // DingTalk has no lookup by e-mail: the holder is known only if it is under the target node.
      const known = op.kind === "user_create" ? op.holders?.email : undefined;
      return known ? adopt(ctx, op, known.userid, err) : conflict(op, err, "email", undefined);
    }
    throw err;
  }
  await bind(ctx, op, userid);
  return { action: "create", status: "succeeded", remoteId: userid };
}

export function applyUserCreate(ctx: ApplyContext, op: UserCreateOp): Promise<Outcome> {
  return create(ctx, op, op.userid);
}

/**
 * The deprovisioning policy, exactly as planned: "unbind" removes the binding and calls nothing;
 * "move" sets dept_id_list to the holding department and keeps the binding (a user gone from
 * DingTalk has nothing left to hold, so its binding goes).
 */
async function applyDeprovision(ctx: ApplyContext, op: UserUpdateOp): Promise<Outcome> {
  if (op.reason.code === "deprovision_unbind") {
    await ctx.store.deleteBinding("user", op.localId);
    return { action: "update", status: "succeeded" };
  }
  try {
    await ctx.client.updateUser({ userid: op.remoteId, deptIdList: op.departments.map((r) => resolveDept(ctx, r)) });
  } catch (err) {
    if (!isDingTalkError(err) || err.effectiveCode !== 60121) throw err;
    await ctx.store.deleteBinding("user", op.localId);
    return { action: "update", status: "succeeded" };
  }
  await bind(ctx, op, op.remoteId);
  return { action: "move", status: "succeeded" };
}

export async function applyUserUpdate(ctx: ApplyContext, op: UserUpdateOp | UserBindOp): Promise<Outcome> {
  if (op.kind === "user_update" && (op.reason.code === "deprovision_move" || op.reason.code === "deprovision_unbind"))
    return applyDeprovision(ctx, op);
  const action = op.kind === "user_bind" ? "bind" : "update";
  try {
    if (op.diff.length > 0) await ctx.client.updateUser(updateInput(ctx, op, op.remoteId, op.diff));
  } catch (err) {
    // Gone since the snapshot: create it again under the same userid.
    if (!isDingTalkError(err) || err.effectiveCode !== 60121) throw err;
    const outcome = await create(ctx, op, op.remoteId);
    return { ...outcome, reason: { code: "recreated_after_not_found", params: { userid: op.remoteId } } };
  }
  await bind(ctx, op, op.remoteId);
  return { action, status: "succeeded" };
}

export async function applyUserDelete(ctx: ApplyContext, op: UserDeleteOp): Promise<Outcome> {
  try {
    await ctx.client.deleteUser(op.remoteId);
  } catch (err) {
    if (!isDingTalkError(err) || err.effectiveCode !== 60121) throw err;
  }
  await ctx.store.deleteBinding("user", op.localId);
  return { action: "delete", status: "succeeded" };
}
