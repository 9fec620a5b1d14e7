import { AppError } from "../app-error";
import type { AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { preparePlan } from "../sync/plans";
import { cancelSyncRun, startSyncRun } from "../sync/runs";
import { slices } from "../sync/slices";

/**
 * Sync now / Preview changes: refused for drafts and disabled IdPs (a preview is allowed when disabled).
 * A full sync computes the plan first and returns it for review (`planId`) unless it needs none.
 */
export async function startRun({
  db,
  actor,
  id,
  mode,
  confirmDeletes,
}: {
  db: Db;
  actor: AuditActor;
  id: string;
  mode: "full" | "dry_run";
  confirmDeletes?: boolean;
}) {
  const idp = await db.identityProvider.findUnique({ where: { id }, select: { status: true } });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  if (idp.status === "draft") throw new AppError({ code: "errors.wizardIncomplete" });
  if (mode === "full" && idp.status === "disabled") throw new AppError({ code: "errors.idpDisabled" });
  // Held deletes are confirmed on the review, with the plan in front of the administrator.
  if (mode === "full") return preparePlan(db, { idpId: id, actor, forceReview: confirmDeletes });
  const run = await startSyncRun({ db, idpId: id, mode, trigger: "manual", actor });
  return { runId: run.id, planId: null };
}

/** Retry failed objects: a retry run over the failed records' local objects. */
export async function retryFailed({ db, actor, runId }: { db: Db; actor: AuditActor; runId: string }) {
  const run = await db.syncRun.findUnique({ where: { id: runId }, select: { idpId: true, kind: true } });
  if (!run) throw new AppError({ code: "errors.runNotFound" });
  const failed = await db.syncRecord.findMany({
    where: { runId, status: "failed", localId: { not: null } },
    select: { localId: true },
  });
  // Only what still fails: an object a later run (or Retry now) wrote since is not retried again.
  const onlyLocalIds: string[] = [];
  for (const slice of slices([...new Set(failed.map((r) => r.localId!))])) {
    const failing = await db.syncFailure.findMany({
      where: { idpId: run.idpId, localId: { in: slice } },
      select: { localId: true },
    });
    onlyLocalIds.push(...new Set(failing.map((f) => f.localId)));
  }
  if (onlyLocalIds.length === 0) throw new AppError({ code: "errors.nothingToRetry" });
  const next = await startSyncRun({ db, idpId: run.idpId, mode: "retry", trigger: "retry", actor, onlyLocalIds });
  return { runId: next.id };
}

export async function cancelRun({ db, actor, runId }: { db: Db; actor: AuditActor; runId: string }) {
  await cancelSyncRun(db, runId, actor);
}
