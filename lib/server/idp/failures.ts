import type { RunStatus } from "@/lib/sync/run";
import type { ObjectType } from "@/lib/sync/types";
import type { SyncFailureView } from "@/lib/views/idp";
import { AppError } from "../app-error";
import type { AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { startSyncRun } from "../sync/runs";

/** The objects whose last write failed, most recent first (the page shows the first 50). */
export async function listSyncFailures(db: Db, idpId: string): Promise<{ rows: SyncFailureView[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.syncFailure.findMany({ where: { idpId }, orderBy: { lastFailedAt: "desc" }, take: 50 }),
    db.syncFailure.count({ where: { idpId } }),
  ]);
  const links = await db.matchDecision.findMany({
    where: { idpId, decision: "link", localId: { in: rows.map((f) => f.localId) } },
    select: { localId: true, remoteId: true },
  });
  const linkedTo = new Map(links.map((d) => [d.localId, d.remoteId]));
  return {
    rows: rows.map((f) => ({
      linkedTo: linkedTo.get(f.localId) ?? null,
      id: f.id,
      objectType: f.objectType as ObjectType,
      localId: f.localId,
      displayName: f.displayName,
      errcode: f.errcode,
      reason: f.reason,
      runId: f.runId,
      attempts: f.attempts,
      nextRetryAt: f.nextRetryAt?.toISOString() ?? null,
      lastFailedAt: f.lastFailedAt.toISOString(),
    })),
    total,
  };
}

/**
 * The full run behind the IdP's lastFullSyncAt (the latest succeeded or partially succeeded full
 * run that finished by then): a partial one is still the baseline, and the page says so.
 */
export async function lastFullSyncRun(db: Db, idpId: string, lastFullSyncAt: Date | null) {
  if (!lastFullSyncAt) return null;
  return db.syncRun.findFirst({
    where: { idpId, kind: "full", status: { in: BASELINE_STATUSES }, finishedAt: { lte: lastFullSyncAt } },
    orderBy: { finishedAt: "desc" },
    select: { id: true, status: true },
  });
}
const BASELINE_STATUSES: RunStatus[] = ["succeeded", "partially_succeeded"];

/** Retry now: one run over every failed object of the IdP (the worker's own retries are not awaited). */
export async function retrySyncFailures({ db, actor, id }: { db: Db; actor: AuditActor; id: string }) {
  const idp = await db.identityProvider.findUnique({ where: { id }, select: { status: true } });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  if (idp.status === "disabled") throw new AppError({ code: "errors.idpDisabled" });
  const failures = await db.syncFailure.findMany({ where: { idpId: id }, select: { localId: true } });
  if (failures.length === 0) throw new AppError({ code: "errors.noFailures" });
  const run = await startSyncRun({
    db,
    idpId: id,
    mode: "retry",
    trigger: "retry",
    actor,
    onlyLocalIds: [...new Set(failures.map((f) => f.localId))],
  });
  return { runId: run.id };
}
