// Review, then apply (issue 13): a full sync's plan is computed against DingTalk's current state,
// stored with the digest of its inputs, and written only by an administrator's Apply, exactly as
// reviewed and only while its inputs are unchanged. One Apply per plan.
import type { IdentityProvider } from "@/lib/generated/prisma/client";
import {
  countOps,
  isReviewGroup,
  needsReview,
  planInputDigest,
  planWithRules,
  REVIEW_GROUPS,
  reviewCounts,
  reviewGroup,
  type CompiledRules,
  type Plan,
  type PlanHold,
  type PlanInput,
  type PlanOp,
  type ReviewGroup,
} from "@/lib/sync";
import type { PlanItemView, PlanPage, PlanStatus, PlanSummaryView } from "@/lib/views/plans";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import { idpClient } from "../idp/client";
import { departmentLabels } from "../idp/run-departments";
import type { Db } from "../prisma-client";
import { loadPlanInputs } from "./inputs";
import { startSyncRun } from "./runs";
import { slices } from "./slices";

type StoredSummary = { counts: ReturnType<typeof reviewCounts>; held: PlanHold | null };

const ITEM_BATCH = 500;
export const PLAN_PAGE_SIZE = 50;
/** Apply's check takes seconds; a claim this old without a run was left by a process that stopped. */
const APPLY_CLAIM_MS = 5 * 60_000;

function actorLabel(actor: AuditActor): string {
  return actor === "system" ? "system" : actor.email;
}

async function latestCursor(db: Db): Promise<number> {
  return (await db.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
}

/** Stores a computed plan as the IdP's current one (older ready plans become stale). */
async function storePlan(
  db: Db,
  idp: IdentityProvider,
  {
    plan,
    digest,
    cursor,
    actor,
    forceReview = false,
  }: { plan: Plan; digest: string; cursor: number; actor: AuditActor; forceReview?: boolean },
) {
  const firstSync = !idp.lastFullSyncAt;
  const review = forceReview || needsReview(plan, { firstSync, reviewBeforeWriting: idp.reviewBeforeWriting });
  const summary: StoredSummary = { counts: reviewCounts(plan.ops), held: plan.held ?? null };
  const stored = await db.$transaction(async (tx) => {
    await tx.syncPlan.updateMany({ where: { idpId: idp.id, status: "ready" }, data: { status: "stale" } });
    const row = await tx.syncPlan.create({
      data: {
        idpId: idp.id,
        inputDigest: digest,
        summary: JSON.stringify(summary),
        needsReview: review,
        firstSync,
        outboxCursor: cursor,
        createdBy: actorLabel(actor),
      },
    });
    for (let i = 0; i < plan.ops.length; i += ITEM_BATCH)
      await tx.syncPlanItem.createMany({
        data: plan.ops.slice(i, i + ITEM_BATCH).map((op, j) => ({
          planId: row.id,
          seq: i + j,
          reviewGroup: reviewGroup(op),
          op: JSON.stringify(op),
        })),
      });
    return row;
  });
  return { planId: stored.id, needsReview: review };
}

type Computed = { input: PlanInput; compiled: CompiledRules; cursor: number };

async function computeInputs(db: Db, idp: IdentityProvider): Promise<Computed> {
  // Events up to here are reflected by the plan: incremental sync continues after them once it is applied.
  const cursor = await latestCursor(db);
  const { input, compiled } = await loadPlanInputs(db, idp, idpClient(idp));
  return { input, compiled, cursor };
}

function checkCanSync(idp: IdentityProvider | null): asserts idp is IdentityProvider {
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  if (idp.status === "draft") throw new AppError({ code: "errors.wizardIncomplete" });
  if (idp.status === "disabled") throw new AppError({ code: "errors.idpDisabled" });
}

/**
 * Computes the full sync's plan against DingTalk as it is now and stores it for review. A plan
 * that needs no review (lib/sync/review.ts needsReview) is applied at once: `runId` is then set.
 */
export async function preparePlan(
  db: Db,
  { idpId, actor, forceReview = false }: { idpId: string; actor: AuditActor; forceReview?: boolean },
): Promise<{ planId: string; runId: string | null }> {
  const idp = await db.identityProvider.findUnique({ where: { id: idpId } });
  checkCanSync(idp);
  const { input, compiled, cursor } = await computeInputs(db, idp);
  const plan = planWithRules(input, compiled);
  const stored = await storePlan(db, idp, { plan, digest: planInputDigest(input), cursor, actor, forceReview });
  await writeAudit(db, {
    actor,
    action: "sync.plan",
    targetType: "idp",
    targetId: idpId,
    details: { planId: stored.planId, ...reviewCounts(plan.ops), needsReview: stored.needsReview },
  });
  if (stored.needsReview) return { planId: stored.planId, runId: null };
  const applied = await applyPlan(db, { planId: stored.planId, actor, verified: true });
  return { planId: stored.planId, runId: "runId" in applied ? applied.runId : null };
}

async function refuseApply(db: Db, planId: string): Promise<never> {
  const plan = await db.syncPlan.findUnique({ where: { id: planId } });
  if (!plan) throw new AppError({ code: "errors.planNotFound" });
  if (plan.status === "stale") throw new AppError({ code: "errors.planStale" });
  throw new AppError({
    code: "errors.planApplied",
    params: { by: plan.appliedBy ?? "" },
  });
}

async function storedOps(db: Db, planId: string): Promise<PlanOp[]> {
  const items = await db.syncPlanItem.findMany({ where: { planId }, orderBy: { seq: "asc" }, select: { op: true } });
  return items.map((i) => JSON.parse(i.op) as PlanOp);
}

export type ApplyOutcome = { runId: string } | { changed: true; planId: string };

/**
 * Apply: claims the plan (a second Apply, by anyone, is refused), checks that its inputs are
 * unchanged (else stores and returns the new plan, writing nothing), then runs exactly its ops.
 * Held deletes are written only with `confirmDeletes`.
 */
export async function applyPlan(
  db: Db,
  {
    planId,
    actor,
    confirmDeletes = false,
    verified = false,
  }: { planId: string; actor: AuditActor; confirmDeletes?: boolean; verified?: boolean },
): Promise<ApplyOutcome> {
  // A claim whose process died before starting the run (no runId after APPLY_CLAIM_MS) is taken over.
  const abandoned = new Date(Date.now() - APPLY_CLAIM_MS);
  const claimed = await db.syncPlan.updateMany({
    where: {
      id: planId,
      OR: [{ status: "ready" }, { status: "applying", runId: null, appliedAt: { lt: abandoned } }],
    },
    data: { status: "applying", appliedBy: actorLabel(actor), appliedAt: new Date() },
  });
  if (claimed.count === 0) return refuseApply(db, planId);
  const plan = await db.syncPlan.findUniqueOrThrow({ where: { id: planId } });
  const release = () =>
    db.syncPlan.update({ where: { id: planId }, data: { status: "ready", appliedBy: null, appliedAt: null } });
  try {
    const idp = await db.identityProvider.findUnique({ where: { id: plan.idpId } });
    checkCanSync(idp);
    if (!verified) {
      // Nothing is written from a plan whose directory, settings or DingTalk state moved on: the new plan is shown instead.
      const now = await computeInputs(db, idp);
      if (planInputDigest(now.input) !== plan.inputDigest) {
        await db.syncPlan.update({ where: { id: planId }, data: { status: "stale" } });
        const fresh = planWithRules(now.input, now.compiled);
        const stored = await storePlan(db, idp, {
          plan: fresh,
          digest: planInputDigest(now.input),
          cursor: now.cursor,
          actor,
          forceReview: true,
        });
        await writeAudit(db, {
          actor,
          action: "sync.plan.changed",
          targetType: "idp",
          targetId: idp.id,
          details: { planId, newPlanId: stored.planId },
        });
        return { changed: true, planId: stored.planId };
      }
    }
    const ops = await storedOps(db, planId);
    const summary = JSON.parse(plan.summary) as StoredSummary;
    const toWrite: Plan = { ops, counts: countOps(ops), ...(summary.held && { held: summary.held }) };
    const run = await startSyncRun({
      db,
      idpId: idp.id,
      mode: "full",
      trigger: "manual",
      actor,
      plan: toWrite,
      confirmDeletes,
      outboxCursor: plan.outboxCursor,
      planId,
    });
    await db.syncPlan.update({ where: { id: planId }, data: { status: "applied", runId: run.id } });
    return { runId: run.id };
  } catch (error) {
    // Not written (a run in progress, the IdP disabled, DingTalk unreachable): the plan can be applied later.
    await release();
    throw error;
  }
}

function summaryView(
  row: {
    id: string;
    idpId: string;
    status: string;
    summary: string;
    needsReview: boolean;
    firstSync: boolean;
    createdBy: string;
    createdAt: Date;
    appliedBy: string | null;
    appliedAt: Date | null;
    runId: string | null;
  },
  idpName: string,
  newestPlanId: string | null,
): PlanSummaryView {
  const summary = JSON.parse(row.summary) as StoredSummary;
  return {
    id: row.id,
    idpId: row.idpId,
    idpName,
    status: row.status as PlanStatus,
    counts: summary.counts,
    held: summary.held,
    needsReview: row.needsReview,
    firstSync: row.firstSync,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    appliedBy: row.appliedBy,
    appliedAt: row.appliedAt?.toISOString() ?? null,
    runId: row.runId,
    newestPlanId: newestPlanId === row.id ? null : newestPlanId,
  };
}

function itemView(seq: number, group: ReviewGroup, op: PlanOp, decision: "link" | "skip" | null): PlanItemView {
  const holders =
    op.kind === "user_create" && op.holders
      ? (["userid", "mobile", "email"] as const).flatMap((field) => {
          const holder = op.holders?.[field];
          return holder ? [{ field, holder }] : [];
        })
      : op.kind === "user_invalid" && (op.reason.code === "userid_taken" || op.reason.code === "link_target_taken")
        ? [
            {
              field: "userid" as const,
              holder: { userid: op.reason.params.userid, name: op.reason.params.name, departments: null },
            },
          ]
        : [];
  return {
    seq,
    group,
    kind: op.kind,
    objectType: op.objectType,
    localId: op.localId,
    displayName: op.displayName,
    remoteId: op.remoteId ?? (op.kind === "user_create" ? op.userid : null),
    reason: op.reason,
    diff: op.diff,
    existing: op.kind === "user_bind" ? (op.existing ?? null) : null,
    holders,
    decision,
  };
}

/** One page of one review group, with the plan's summary and the words for its department references. */
export async function readPlanPage(
  db: Db,
  { planId, group, page }: { planId: string; group?: string; page?: number },
): Promise<PlanPage | null> {
  const row = await db.syncPlan.findUnique({ where: { id: planId }, include: { idp: true } });
  if (!row) return null;
  const newest = await db.syncPlan.findFirst({
    where: { idpId: row.idpId },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const plan = summaryView(row, row.idp.displayName, newest?.id ?? null);
  // Conflicts first: they are what needs a decision; then links, deletes, and the rest.
  const order: ReviewGroup[] = ["conflict", "link", "delete", "create", "update", "refused"];
  const chosen: ReviewGroup = isReviewGroup(group) ? group : (order.find((g) => plan.counts[g] > 0) ?? "create");
  const total = plan.counts[chosen];
  const pages = Math.max(1, Math.ceil(total / PLAN_PAGE_SIZE));
  const at = Math.min(Math.max(1, Math.floor(page ?? 1)), pages);
  const rows = await db.syncPlanItem.findMany({
    where: { planId, reviewGroup: chosen },
    orderBy: { seq: "asc" },
    skip: (at - 1) * PLAN_PAGE_SIZE,
    take: PLAN_PAGE_SIZE,
  });
  const ops = rows.map((r) => ({ seq: r.seq, op: JSON.parse(r.op) as PlanOp }));
  const localIds = ops.map((o) => o.op.localId);
  const decisions = new Map<string, "link" | "skip">();
  for (const slice of slices(localIds))
    for (const d of await db.matchDecision.findMany({ where: { idpId: row.idpId, localId: { in: slice } } }))
      decisions.set(d.localId, d.decision === "link" ? "link" : "skip");
  const items = ops.map(({ seq, op }) => itemView(seq, chosen, op, decisions.get(op.localId) ?? null));
  const departments = await departmentLabels(
    db,
    row.idp,
    items.map((i) => ({ diff: JSON.stringify(i.diff) })),
  );
  return { plan, group: chosen, items, total, page: at, pages, departments };
}

export { REVIEW_GROUPS };
