// Review, then apply (issue 13): a full sync's plan is computed against DingTalk's current state,
// stored with the digest of its inputs, and written only by an administrator's Apply, exactly as
// reviewed and only while its inputs are unchanged. One Apply per plan.
import type { IdentityProvider } from "@/lib/generated/prisma/client";
import {
  countOps,
  needsReview,
  planInputDigest,
  planWithRules,
  reviewCounts,
  reviewGroup,
  type CompiledRules,
  type Plan,
  type PlanHold,
  type PlanInput,
  type PlanOp,
} from "@/lib/sync";
import { ACTIVE_RUN_STATUSES, WRITING_RUN_KINDS } from "@/lib/sync/run";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import { idpClient } from "../idp/client";
import type { Db } from "../prisma-client";
import { loadPlanInputs } from "./inputs";
import { startSyncRun } from "./runs";

/**
 * SyncPlan.summary: the counts per review group, the held deletes, and the names of the DingTalk
 * departments the plan's diffs may name (by dept_id, with their path under the target node), so
 * the review shows names and never a dept_id.
 */
export type StoredSummary = {
  counts: ReturnType<typeof reviewCounts>;
  held: PlanHold | null;
  departments?: Record<string, string[]>;
};

const ITEM_BATCH = 500;
/** Applied plans whose items are kept (for their review page); older ones keep their summary only. */
const KEEP_APPLIED_ITEMS = 3;
const STORE_TRANSACTION = { maxWait: 20_000, timeout: 120_000 };
/** Apply's check takes seconds; a claim this old without a run was left by a process that stopped. */
const APPLY_CLAIM_MS = 5 * 60_000;

function actorLabel(actor: AuditActor): string {
  return actor === "system" ? "system" : actor.email;
}

async function latestCursor(db: Db): Promise<number> {
  return (await db.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
}

/** Each DingTalk department the snapshot holds (and the holding department), by dept_id: its names from below the target node. */
function departmentPaths(input: PlanInput, holdingName: string | null): Record<string, string[]> {
  const byId = new Map(input.snapshot.departments.map((d) => [d.deptId, d]));
  const paths: Record<string, string[]> = {};
  for (const d of input.snapshot.departments) {
    const path: string[] = [];
    for (
      let at = byId.get(d.deptId), seen = 0;
      at && seen < 30;
      at = at.parentId ? byId.get(at.parentId) : undefined, seen++
    )
      path.unshift(at.name);
    paths[String(d.deptId)] = path;
  }
  const holding = input.deprovision?.policy === "move" ? input.deprovision.deptId : null;
  if (holding !== null && holdingName && !paths[String(holding)]) paths[String(holding)] = [holdingName];
  return paths;
}

/** Plans whose items can no longer be read or applied: stale ones, and applied ones but the last few. */
async function pruneItems(tx: Pick<Db, "syncPlan" | "syncPlanItem">, idpId: string): Promise<void> {
  const applied = await tx.syncPlan.findMany({
    where: { idpId, status: "applied" },
    orderBy: { createdAt: "desc" },
    skip: KEEP_APPLIED_ITEMS,
    select: { id: true },
  });
  await tx.syncPlanItem.deleteMany({
    where: { OR: [{ plan: { idpId, status: "stale" } }, { planId: { in: applied.map((p) => p.id) } }] },
  });
}
/** Stores a computed plan as the IdP's current one (older ready plans become stale). */
async function storePlan(
  db: Db,
  idp: IdentityProvider,
  {
    plan,
    computed,
    actor,
    forceReview = false,
  }: { plan: Plan; computed: Computed; actor: AuditActor; forceReview?: boolean },
) {
  const firstSync = !idp.lastFullSyncAt;
  // Nothing to write after the first sync: applied at once (the run says DingTalk is in step).
  const nothingToDo = plan.ops.length === 0 && !firstSync;
  const review =
    forceReview || (!nothingToDo && needsReview(plan, { firstSync, reviewBeforeWriting: idp.reviewBeforeWriting }));
  const summary: StoredSummary = {
    counts: reviewCounts(plan.ops),
    held: plan.held ?? null,
    departments: departmentPaths(computed.input, computed.holdingName),
  };
  const stored = await db.$transaction(async (tx) => {
    await tx.syncPlan.updateMany({ where: { idpId: idp.id, status: "ready" }, data: { status: "stale" } });
    await pruneItems(tx, idp.id);
    const row = await tx.syncPlan.create({
      data: {
        idpId: idp.id,
        inputDigest: planInputDigest(computed.input),
        summary: JSON.stringify(summary),
        needsReview: review,
        firstSync,
        outboxCursor: computed.cursor,
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
    // A large plan (10,000 items) takes a few seconds to store, more while a run writes beside it.
  }, STORE_TRANSACTION);
  return { planId: stored.id, needsReview: review };
}

type Computed = { input: PlanInput; compiled: CompiledRules; cursor: number; holdingName: string | null };

async function computeInputs(db: Db, idp: IdentityProvider): Promise<Computed> {
  // Events up to here are reflected by the plan: incremental sync continues after them once it is applied.
  const cursor = await latestCursor(db);
  const client = idpClient(idp);
  const { input, compiled } = await loadPlanInputs(db, idp, client);
  // The holding department may sit outside the target node: its name, for the review's words.
  const holding = input.deprovision?.policy === "move" ? input.deprovision.deptId : null;
  const holdingName =
    holding === null
      ? null
      : await client.getDepartment(holding).then(
          (d) => d.name,
          () => null,
        );
  return { input, compiled, cursor, holdingName };
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
  // A plan computed while another run writes would be stale before anyone reads it.
  if (await isWriting(db, idpId)) throw new AppError({ code: "errors.runInProgress" });
  const computed = await computeInputs(db, idp);
  const plan = planWithRules(computed.input, computed.compiled);
  const stored = await storePlan(db, idp, { plan, computed, actor, forceReview });
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

async function isWriting(db: Db, idpId: string): Promise<boolean> {
  const active = await db.syncRun.count({
    where: { idpId, kind: { in: [...WRITING_RUN_KINDS] }, status: { in: [...ACTIVE_RUN_STATUSES] } },
  });
  return active > 0;
}

async function refuseApply(db: Db, planId: string): Promise<never> {
  const plan = await db.syncPlan.findUnique({ where: { id: planId } });
  if (!plan) throw new AppError({ code: "errors.planNotFound" });
  if (plan.status === "stale") throw new AppError({ code: "errors.planStale" });
  if (plan.status === "applying")
    throw new AppError({ code: "errors.planApplying", params: { by: plan.appliedBy ?? "" } });
  throw new AppError({ code: "errors.planApplied", params: { by: plan.appliedBy ?? "" } });
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
  const claimedAt = new Date();
  const claimed = await db.syncPlan.updateMany({
    where: {
      id: planId,
      OR: [{ status: "ready" }, { status: "applying", runId: null, appliedAt: { lt: abandoned } }],
    },
    data: { status: "applying", appliedBy: actorLabel(actor), appliedAt: claimedAt },
  });
  if (claimed.count === 0) return refuseApply(db, planId);
  const plan = await db.syncPlan.findUniqueOrThrow({ where: { id: planId } });
  // Only this claim is released: one taken over meanwhile by another Apply stays that Apply's.
  const release = () =>
    db.syncPlan.updateMany({
      where: { id: planId, status: "applying", appliedAt: claimedAt, runId: null },
      data: { status: "ready", appliedBy: null, appliedAt: null },
    });
  let started = false;
  try {
    const idp = await db.identityProvider.findUnique({ where: { id: plan.idpId } });
    checkCanSync(idp);
    if (!verified) {
      // Nothing is written from a plan whose directory, settings or DingTalk state moved on: the new plan is shown instead.
      const now = await computeInputs(db, idp);
      if (planInputDigest(now.input) !== plan.inputDigest) {
        await db.syncPlan.update({ where: { id: planId }, data: { status: "stale" } });
        const fresh = planWithRules(now.input, now.compiled);
        const stored = await storePlan(db, idp, { plan: fresh, computed: now, actor, forceReview: true });
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
    started = true;
    await db.syncPlan.update({ where: { id: planId }, data: { status: "applied", runId: run.id } });
    return { runId: run.id };
  } catch (error) {
    // Not written (a run in progress, the IdP disabled, DingTalk unreachable): the plan can be applied later.
    if (!started) await release();
    throw error;
  }
}
