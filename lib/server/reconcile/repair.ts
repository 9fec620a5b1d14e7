// Repair: a run over the drifted objects the console binds, which writes its values back and re-creates
// what was deleted. Unknown objects are never in it: the console did not create them and does not own them.
import { repairTargets } from "@/lib/sync/drift";
import type { DriftKind } from "@/lib/sync/drift-kinds";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { startSyncRun } from "../sync/runs";

export type RepairOptions = {
  db: Db;
  reconciliationId: string;
  actor: AuditActor;
  trigger: "manual" | "automatic";
  /** Only the items of these kinds (the list's filter); every repairable kind when absent. */
  kinds?: DriftKind[];
};

/** Starts the repair run; returns its id. Refused when nothing listed can be repaired. */
export async function repairDrift({ db, reconciliationId, actor, trigger, kinds }: RepairOptions) {
  const reconciliation = await db.reconciliation.findUnique({ where: { id: reconciliationId } });
  if (!reconciliation) throw new AppError({ code: "errors.reconciliationNotFound" });
  const items = await db.driftItem.findMany({
    where: { reconciliationId, kind: kinds ? { in: kinds } : { not: "unknown" }, localId: { not: null } },
    select: { id: true, kind: true, localId: true },
  });
  const targets = repairTargets(items);
  if (targets.length === 0) throw new AppError({ code: "errors.nothingToRepair" });
  const run = await startSyncRun({
    db,
    idpId: reconciliation.idpId,
    mode: "retry",
    trigger,
    actor,
    onlyLocalIds: targets,
  });
  const repaired = items.filter((i) => i.kind !== "unknown").map((i) => i.id);
  for (let i = 0; i < repaired.length; i += 500)
    await db.driftItem.updateMany({ where: { id: { in: repaired.slice(i, i + 500) } }, data: { repairRunId: run.id } });
  await db.reconciliation.update({ where: { id: reconciliationId }, data: { repairRunId: run.id } });
  await writeAudit(db, {
    actor,
    action: "reconcile.repair",
    targetType: "idp",
    targetId: reconciliation.idpId,
    details: { reconciliationId, runId: run.id, objects: targets.length },
  });
  return run;
}
