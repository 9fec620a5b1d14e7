// The conflict queue (issue 13): an administrator links an account to the DingTalk user that holds
// its value, skips the account, or takes the answer back. Each decision is audited and is read by
// every later plan (lib/server/sync/inputs.ts); a link from the queue is written at once by a run
// over that one account when no other run is writing.
import type { TDecideConflictInput } from "@/lib/schemas/idp";
import type { PlanOp } from "@/lib/sync";
import { readReason, type Reason } from "@/lib/sync/reasons";
import { WRITING_RUN_KINDS, ACTIVE_RUN_STATUSES } from "@/lib/sync/run";
import type { SkippedAccountView } from "@/lib/views/idp";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { startSyncRun } from "./runs";

export async function decideConflict(
  db: Db,
  { input, actor, syncNow }: { input: TDecideConflictInput; actor: AuditActor; syncNow: boolean },
): Promise<{ runId: string | null }> {
  const { idpId, localId, decision } = input;
  const idp = await db.identityProvider.findUnique({ where: { id: idpId }, select: { id: true, status: true } });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  const account = await db.account.findUnique({
    where: { id: localId },
    select: { username: true, displayName: true },
  });
  if (!account) throw new AppError({ code: "errors.decisionAccountMissing" });
  if (decision === "link" && !(await namedFor(db, { idpId, localId, remoteId: input.remoteId, planId: input.planId })))
    throw new AppError({ code: "errors.linkTargetUnknown" });
  const decidedBy = actor === "system" ? "system" : actor.email;
  const before = await db.matchDecision.findUnique({ where: { idpId_localId: { idpId, localId } } });
  await db.$transaction(async (tx) => {
    if (decision === "clear") await tx.matchDecision.deleteMany({ where: { idpId, localId } });
    else {
      const data = { decision, remoteId: decision === "link" ? input.remoteId : null, decidedBy };
      await tx.matchDecision.upsert({
        where: { idpId_localId: { idpId, localId } },
        create: { idpId, localId, ...data },
        update: { ...data, createdAt: new Date() },
      });
    }
    // A skipped account is not failing: the queue lists it as skipped instead.
    if (decision === "skip") await tx.syncFailure.deleteMany({ where: { idpId, objectType: "user", localId } });
    // A linked one is due at once: the worker's next pass retries it, should no run start here.
    if (decision === "link")
      await tx.syncFailure.updateMany({
        where: { idpId, objectType: "user", localId },
        data: { nextRetryAt: new Date() },
      });
    await writeAudit(tx, {
      actor,
      action: `idp.conflict.${decision}`,
      targetType: "account",
      targetId: localId,
      details: {
        idpId,
        account: account.displayName,
        username: account.username,
        ...(decision === "link" && { userid: input.remoteId }),
        ...(before && { before: { decision: before.decision, userid: before.remoteId } }),
      },
    });
  });
  if (!syncNow || decision !== "link" || idp.status !== "enabled") return { runId: null };
  // At once when nothing else is writing; otherwise the next run picks the decision up.
  const busy = await db.syncRun.count({
    where: { idpId, kind: { in: [...WRITING_RUN_KINDS] }, status: { in: [...ACTIVE_RUN_STATUSES] } },
  });
  if (busy > 0) return { runId: null };
  try {
    const run = await startSyncRun({ db, idpId, mode: "retry", trigger: "retry", actor, onlyLocalIds: [localId] });
    return { runId: run.id };
  } catch (error) {
    // Another run started in between: it, or the next one, picks the decision up.
    if (error instanceof AppError && error.code === "errors.runInProgress") return { runId: null };
    throw error;
  }
}

/**
 * Whether a conflict of this account named that DingTalk user: its failure in the queue (the holder
 * of the clash), or its item in the IdP's plan under review (a holder, or the user it links). Any
 * other userid is refused: a link must not reach a user nobody was shown.
 */
async function namedFor(
  db: Db,
  { idpId, localId, remoteId, planId }: { idpId: string; localId: string; remoteId: string; planId?: string },
): Promise<boolean> {
  const failure = await db.syncFailure.findUnique({
    where: { idpId_objectType_localId: { idpId, objectType: "user", localId } },
  });
  if (namedUserid(readReason(failure?.reason ?? null)) === remoteId) return true;
  if (!planId) return false;
  const plan = await db.syncPlan.findFirst({ where: { id: planId, idpId }, select: { id: true } });
  if (!plan) return false;
  const items = await db.syncPlanItem.findMany({
    where: { planId, reviewGroup: { in: ["conflict", "link"] }, op: { contains: JSON.stringify(localId) } },
    select: { op: true },
  });
  return items.some((item) => {
    const op = JSON.parse(item.op) as PlanOp;
    if (op.localId !== localId) return false;
    if (op.kind === "user_create") return Object.values(op.holders ?? {}).some((h) => h?.userid === remoteId);
    if (op.kind === "user_bind") return op.remoteId === remoteId;
    return op.kind === "user_invalid" && namedUserid(op.reason) === remoteId;
  });
}

/** The DingTalk user a reason names (a clash's holder, a taken userid), if any. */
function namedUserid(reason: Reason | null): string | undefined {
  const params = reason?.params as { userid?: unknown } | undefined;
  return typeof params?.userid === "string" ? params.userid : undefined;
}

/** Accounts skipped for this IdP, newest decision first. */
export async function listSkipped(db: Db, idpId: string): Promise<SkippedAccountView[]> {
  const rows = await db.matchDecision.findMany({
    where: { idpId, decision: "skip" },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const accounts = await db.account.findMany({
    where: { id: { in: rows.map((r) => r.localId) } },
    select: { id: true, displayName: true, username: true },
  });
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return rows.flatMap((r) => {
    const account = byId.get(r.localId);
    if (!account) return [];
    return [
      {
        localId: r.localId,
        displayName: account.displayName,
        username: account.username,
        decidedBy: r.decidedBy,
        decidedAt: r.createdAt.toISOString(),
      },
    ];
  });
}
