// Provision on demand (issue 15): push one account to DingTalk now, and say at each step what was
// found. The account is planned exactly as a full run would plan it (same rules, bindings, decisions,
// matching), over DingTalk as it is now; then only its own write and the departments it needs are
// executed, without waiting for review (like Retry). What a full run would hold for a decision (a
// clash with another DingTalk user, a refused account) or only do after review (deprovisioning) is
// explained and not written.
import { dingTalkErrorDetail, isDingTalkError, type DingTalkClient } from "@/lib/dingtalk";
import type { IdentityProvider } from "@/lib/generated/prisma/client";
import {
  countOps,
  planWithRules,
  SyncError,
  type DingTalkSnapshot,
  type Plan,
  type PlanOp,
  type SnapshotUser,
  type SourceAccount,
  type UserOp,
  toIdpUser,
} from "@/lib/sync";
import { compile } from "@/lib/expression";
import { scopeVerdict } from "@/lib/mapping";
import { CONFLICT_REASONS } from "@/lib/sync/review";
import { toSnapshotUser } from "@/lib/sync/snapshot";
import { ACTIVE_RUN_STATUSES, WRITING_RUN_KINDS, type RunError } from "@/lib/sync/run";
import type {
  ProvisionMatch,
  ProvisionOutcome,
  ProvisionResult,
  ProvisionScope,
  ProvisionTarget,
} from "@/lib/views/provision";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import { idpClient } from "../idp/client";
import { departmentLabels } from "../idp/run-departments";
import type { Db } from "../prisma-client";
import { loadPlanInputs } from "./inputs";
import { loadSource } from "./source";
import { startSyncRun } from "./runs";

type Ou = { id: string; name: string; parentId: string | null };
type AccountRow = { id: string; status: string; memberships: { ouId: string; isPrimary: boolean }[] };

/** The source organizations and every OU under them. */
function ousInScope(ous: Ou[], roots: string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const ou of ous) if (ou.parentId) children.set(ou.parentId, [...(children.get(ou.parentId) ?? []), ou.id]);
  const known = new Set(ous.map((o) => o.id));
  const scope = new Set<string>();
  for (let wanted = roots.filter((id) => known.has(id)); wanted.length > 0;) {
    for (const id of wanted) scope.add(id);
    wanted = wanted.flatMap((id) => (children.get(id) ?? []).filter((c) => !scope.has(c)));
  }
  return scope;
}

/** The IdP's scoping filter is false for the account (an error is left to the plan, which says so). */
function filteredOut(source: string | null, account: SourceAccount | undefined): boolean {
  if (!source?.trim() || !account) return false;
  const verdict = scopeVerdict(compile(source.trim()), toIdpUser(account));
  return "inScope" in verdict && !verdict.inScope;
}

/** The account's OUs in scope, its primary one first. */
function accountOusInScope(account: AccountRow, scope: Set<string>): string[] {
  const sorted = [...account.memberships].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  return sorted.map((m) => m.ouId).filter((id) => scope.has(id));
}

function pathOf(ouId: string, byId: Map<string, Ou>): string[] {
  const path: string[] = [];
  for (
    let at = byId.get(ouId), seen = 0;
    at && seen < 100;
    at = at.parentId ? byId.get(at.parentId) : undefined, seen++
  )
    path.unshift(at.name);
  return path;
}

/** The OUs the account's departments hang from, below the source organizations (those stand for the target node). */
function neededOus(ouIds: string[], byId: Map<string, Ou>, roots: Set<string>): string[] {
  const needed = new Set<string>();
  for (const id of ouIds)
    for (
      let at = byId.get(id);
      at && !roots.has(at.id) && !needed.has(at.id);
      at = at.parentId ? byId.get(at.parentId) : undefined
    )
      needed.add(at.id);
  return [...needed];
}

/** Departments this push writes: those it creates, or binds to an existing DingTalk department; never a rename of a bound one. */
function isNeededDeptWrite(op: PlanOp): boolean {
  if (op.kind === "dept_create") return true;
  return (op.kind === "dept_update" || op.kind === "dept_move") && op.bind;
}

function isDeprovision(op: UserOp): boolean {
  if (op.kind === "user_delete") return true;
  return (
    op.kind === "user_update" && (op.reason.code === "deprovision_move" || op.reason.code === "deprovision_unbind")
  );
}

function matchOf(op: UserOp | undefined, boundTo: string | undefined): ProvisionMatch | null {
  if (!op) return boundTo ? { how: "binding", userid: boundTo } : null;
  if (op.kind === "user_invalid") return { how: "refused" };
  if (op.kind === "user_delete" || isDeprovision(op)) return boundTo ? { how: "binding", userid: boundTo } : null;
  if (op.kind === "user_update") return { how: "binding", userid: op.remoteId };
  if (op.kind === "user_create") {
    const holders = (["userid", "mobile", "email"] as const).flatMap((field) => {
      const holder = op.holders?.[field];
      return holder ? [{ field, holder }] : [];
    });
    if (holders.length > 0) return { how: "clash", holders };
    return op.reason.code === "remote_missing"
      ? { how: "binding", userid: op.userid }
      : { how: "none", userid: op.userid };
  }
  const name = op.existing?.name ?? null;
  if (op.reason.code === "linked_by_admin") return { how: "link", userid: op.remoteId, name };
  const params = op.reason.params as { field?: string; value?: string | null };
  const how = op.reason.code === "matched_by_fallback" ? "fallback" : "identifier";
  return { how, field: params.field ?? "userid", value: params.value ?? null, userid: op.remoteId, name };
}

/** Why nothing is written for this user op, or null when it is written. */
function refusal(op: UserOp | undefined, scope: ProvisionScope): ProvisionOutcome | null {
  if (!op) return scope.inScope ? { kind: "in_step" } : { kind: "not_written", why: "out_of_scope" };
  if (isDeprovision(op)) return { kind: "not_written", why: "deprovision" };
  if (!scope.inScope) return { kind: "not_written", why: "out_of_scope" };
  if (op.kind === "user_invalid")
    return { kind: "not_written", why: CONFLICT_REASONS.includes(op.reason.code) ? "conflict" : "refused" };
  if (op.kind === "user_create" && op.holders && Object.keys(op.holders).length > 0)
    return { kind: "not_written", why: "conflict" };
  return null;
}

function userOpOf(plan: Plan, accountId: string): UserOp | undefined {
  return plan.ops.find((op): op is UserOp => op.objectType === "user" && op.localId === accountId);
}

/**
 * A run over a few objects reads users by userid only (lib/sync/targeted.ts), so a create cannot
 * see who holds its mobile; a full run reads every user and would. The holder DingTalk finds by
 * that mobile is read, so the push names it before writing, as the review of a full sync would.
 */
async function mobileHolder(
  client: Pick<DingTalkClient, "getUseridByMobile" | "getUser">,
  snapshot: DingTalkSnapshot,
  op: UserOp | undefined,
): Promise<SnapshotUser | undefined> {
  const mobile = op?.kind === "user_create" ? op.fields.mobile : null;
  if (!op || op.kind !== "user_create" || !mobile) return undefined;
  const userid = await client.getUseridByMobile(mobile).catch(notFoundAsUndefined);
  if (!userid || userid === op.userid || snapshot.users.some((u) => u.userid === userid)) return undefined;
  const user = await client.getUser(userid).catch(notFoundAsUndefined);
  return user && toSnapshotUser(user);
}

function notFoundAsUndefined(error: unknown): undefined {
  if (isDingTalkError(error) && error.kind === "not_found") return undefined;
  throw error;
}

function asRunError(error: unknown): RunError {
  if (isDingTalkError(error)) return { code: "dingtalk", dingtalk: dingTalkErrorDetail(error) };
  if (error instanceof SyncError) return { code: error.code, params: error.params ?? {} };
  console.error("[provision] planning failed:", error instanceof Error ? error.message : String(error));
  return { code: "internal" };
}

function checkCanPush(idp: IdentityProvider | null): asserts idp is IdentityProvider {
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  if (idp.status === "draft") throw new AppError({ code: "errors.wizardIncomplete" });
  if (idp.status === "disabled") throw new AppError({ code: "errors.idpDisabled" });
  // Before the first full sync everything waits for its review: one account does not skip it.
  if (!idp.lastFullSyncAt) throw new AppError({ code: "errors.provisionBeforeFull" });
}

/**
 * Links to objects DingTalk already has (a user the identifier or a fallback matches, a department
 * matched by name or source identifier) wait for a full sync's review; an administrator's own link does not.
 */
function needsReview(op: UserOp | undefined, deptOps: PlanOp[]): boolean {
  const matched =
    op?.kind === "user_bind" &&
    (op.reason.code === "matched_by_identifier" || op.reason.code === "matched_by_fallback");
  return matched || deptOps.some((d) => (d.kind === "dept_update" || d.kind === "dept_move") && d.bind);
}

async function isWriting(db: Db, idpId: string): Promise<boolean> {
  const where = { idpId, kind: { in: [...WRITING_RUN_KINDS] }, status: { in: [...ACTIVE_RUN_STATUSES] } };
  return (await db.syncRun.count({ where })) > 0;
}

/**
 * Plans one account for one IdP, explains each step, and writes it (with the departments it needs)
 * by a run over exactly those objects when the plan allows; the run's id is returned to follow.
 */
export async function provisionAccount(
  db: Db,
  { idpId, accountId, actor }: { idpId: string; accountId: string; actor: AuditActor },
): Promise<ProvisionResult> {
  const idp = await db.identityProvider.findUnique({ where: { id: idpId } });
  checkCanPush(idp);
  if (await isWriting(db, idpId)) throw new AppError({ code: "errors.runInProgress" });
  const account = await db.account.findUnique({ where: { id: accountId }, include: { memberships: true } });
  if (!account) throw new AppError({ code: "errors.accountNotFound" });
  const [ous, decision, binding] = await Promise.all([
    db.organizationalUnit.findMany({ select: { id: true, name: true, parentId: true } }),
    db.matchDecision.findUnique({ where: { idpId_localId: { idpId, localId: accountId } } }),
    db.binding.findFirst({ where: { idpId, objectType: "user", localId: accountId } }),
  ]);
  const byId = new Map(ous.map((o) => [o.id, o]));
  const roots = JSON.parse(idp.sourceOuIds) as string[];
  const inScope = accountOusInScope(account, ousInScope(ous, roots));
  const scope: ProvisionScope =
    decision?.decision === "skip"
      ? { inScope: false, why: "skipped" }
      : account.status === "disabled"
        ? { inScope: false, why: "disabled" }
        : inScope.length === 0
          ? { inScope: false, why: "no_ou_in_scope" }
          : filteredOut(idp.scopeFilter, (await loadSource(db, { accountIds: [accountId] })).accounts[0])
            ? { inScope: false, why: "filtered_out" }
            : { inScope: true, ouPath: pathOf(inScope[0], byId) };
  const base = { idpName: idp.displayName, account: account.displayName || account.username, scope };
  const only = [accountId, ...neededOus(inScope, byId, new Set(roots))];

  let plan: Plan;
  try {
    const client = idpClient(idp);
    const { input, compiled } = await loadPlanInputs(db, idp, client, { only });
    plan = planWithRules(input, compiled);
    const holder = await mobileHolder(client, input.snapshot, userOpOf(plan, accountId));
    if (holder)
      plan = planWithRules(
        { ...input, snapshot: { ...input.snapshot, users: [...input.snapshot.users, holder] } },
        compiled,
      );
  } catch (error) {
    return { ...base, match: null, ops: [], departments: {}, outcome: { kind: "failed", error: asRunError(error) } };
  }
  const userOp = userOpOf(plan, accountId);
  const deptOps = plan.ops.filter(
    (op) => op.objectType === "organization" && (isNeededDeptWrite(op) || op.kind === "dept_blocked"),
  );
  const shown = [...deptOps, ...(userOp ? [userOp] : [])];
  const ops = shown.map(({ kind, objectType, displayName, reason, diff }) => ({
    kind,
    objectType,
    displayName,
    reason,
    diff,
  }));
  const departments = await departmentLabels(
    db,
    idp,
    shown.map((op) => ({ diff: JSON.stringify(op.diff) })),
  );
  const explained = { ...base, match: matchOf(userOp, binding?.remoteId), ops, departments };
  const refused =
    refusal(userOp, scope) ??
    (needsReview(userOp, deptOps) ? ({ kind: "not_written", why: "needs_review" } as const) : null);
  if (refused || !userOp) return { ...explained, outcome: refused ?? { kind: "in_step" } };

  const writes = [...deptOps.filter(isNeededDeptWrite), userOp];
  const run = await startSyncRun({
    db,
    idpId,
    mode: "retry",
    trigger: "manual",
    actor,
    onlyLocalIds: writes.map((op) => op.localId),
    plan: { ops: writes, counts: countOps(writes) },
  });
  await writeAudit(db, {
    actor,
    action: "sync.provision",
    targetType: "account",
    targetId: accountId,
    details: { idpId, runId: run.id, account: account.displayName, username: account.username, operation: userOp.kind },
  });
  return { ...explained, outcome: { kind: "writing", runId: run.id } };
}

/** The IdPs an account's page offers: set up (not drafts), and either bound to the account or holding it in scope (a push before the first full sync says why it cannot). */
export async function listProvisionTargets(db: Db, accountId: string): Promise<ProvisionTarget[]> {
  const [idps, account, ous, bindings] = await Promise.all([
    db.identityProvider.findMany({
      where: { status: { not: "draft" } },
      select: { id: true, displayName: true, status: true, sourceOuIds: true },
      orderBy: { displayName: "asc" },
    }),
    db.account.findUnique({ where: { id: accountId }, include: { memberships: true } }),
    db.organizationalUnit.findMany({ select: { id: true, name: true, parentId: true } }),
    db.binding.findMany({ where: { objectType: "user", localId: accountId }, select: { idpId: true } }),
  ]);
  if (!account) return [];
  const bound = new Set(bindings.map((b) => b.idpId));
  return idps.flatMap((idp) => {
    const holds = accountOusInScope(account, ousInScope(ous, JSON.parse(idp.sourceOuIds) as string[])).length > 0;
    if (!holds && !bound.has(idp.id)) return [];
    return [{ idpId: idp.id, idpName: idp.displayName, status: idp.status, bound: bound.has(idp.id) }];
  });
}
