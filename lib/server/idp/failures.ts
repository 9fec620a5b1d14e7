import { AppError } from "../app-error";
import type { AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { startSyncRun } from "../sync/runs";

export type SyncFailureRow = {
  id: string;
  objectType: string;
  localId: string;
  displayName: string;
  errcode: number | null;
  errorMessage: string | null;
  reason: string | null;
  runId: string;
  attempts: number;
  nextRetryAt: Date | null;
  lastFailedAt: Date;
};

/** The objects whose last write failed, most recent first (the page shows the first 50). */
export async function listSyncFailures(db: Db, idpId: string): Promise<{ rows: SyncFailureRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.syncFailure.findMany({ where: { idpId }, orderBy: { lastFailedAt: "desc" }, take: 50 }),
    db.syncFailure.count({ where: { idpId } }),
  ]);
  return { rows, total };
}

/** Retry now: one run over every failed object of the IdP (the worker's own retries are not awaited). */
export async function retrySyncFailures({ db, actor, id }: { db: Db; actor: AuditActor; id: string }) {
  const idp = await db.identityProvider.findUnique({ where: { id }, select: { status: true } });
  if (!idp) throw new AppError("not_found", "idpErrors.notFound");
  if (idp.status === "disabled") throw new AppError("disabled", "idpErrors.idpDisabled");
  const failures = await db.syncFailure.findMany({ where: { idpId: id }, select: { localId: true } });
  if (failures.length === 0) throw new AppError("nothing_to_retry", "idpErrors.noFailures");
  const run = await startSyncRun({ db, idpId: id, mode: "full", trigger: "retry", actor, onlyLocalIds: [...new Set(failures.map((f) => f.localId))] });
  return { runId: run.id };
}
