// Repair: writes back the console's values on the drifted objects it binds and re-creates what was
// deleted in DingTalk, as an explicit plan (the ops are chosen here, the run writes exactly them).
// Only drift is written: never a change made in the console since it last wrote the object (that waits
// for a sync the administrator starts or reviews), never a delete, a deprovisioning, a link or the
// create of a new object, and never an unknown object (the console did not create it and does not own it).
import { planWithRules } from "@/lib/sync";
import { repairPlan, repairTargets } from "@/lib/sync/drift";
import { DRIFT_KINDS, type DriftKind } from "@/lib/sync/drift-kinds";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import { idpClient } from "../idp/client";
import type { Db } from "../prisma-client";
import { loadPlanInputs } from "../sync/inputs";
import { startSyncRun } from "../sync/runs";

export type RepairOptions = {
  db: Db;
  reconciliationId: string;
  actor: AuditActor;
  trigger: "manual" | "automatic";
  /** Only the items of these kinds (the list's filter); every repairable kind when absent. */
  kinds?: DriftKind[];
};

const REPAIRABLE: readonly DriftKind[] = DRIFT_KINDS.filter((k) => k !== "unknown");

/**
 * Starts the repair run; returns its id. Refused for an IdP that is disabled or not set up, for any
 * reconciliation but the IdP's latest succeeded one, and when nothing listed can be repaired.
 */
export async function repairDrift({ db, reconciliationId, actor, trigger, kinds }: RepairOptions) {
  const reconciliation = await db.reconciliation.findUnique({ where: { id: reconciliationId } });
  if (!reconciliation) throw new AppError({ code: "errors.reconciliationNotFound" });
  const idp = await db.identityProvider.findUnique({ where: { id: reconciliation.idpId } });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  if (idp.status === "draft") throw new AppError({ code: "errors.wizardIncomplete" });
  if (idp.status === "disabled") throw new AppError({ code: "errors.idpDisabled" });
  const latest = await db.reconciliation.findFirst({
    where: { idpId: idp.id, status: "succeeded" },
    orderBy: { startedAt: "desc" },
    select: { id: true },
  });
  // An older list, or one still being read, no longer says what DingTalk looks like.
  if (reconciliation.status !== "succeeded" || latest?.id !== reconciliation.id)
    throw new AppError({ code: "errors.reconciliationNotFound" });
  const wanted = kinds ? kinds.filter((k) => REPAIRABLE.includes(k)) : REPAIRABLE;
  if (wanted.length === 0) throw new AppError({ code: "errors.nothingToRepair" });
  const items = await db.driftItem.findMany({
    where: { reconciliationId, kind: { in: [...wanted] }, directoryChanged: false, localId: { not: null } },
    select: { id: true, kind: true, localId: true, directoryChanged: true },
  });
  const targets = repairTargets(items);
  if (targets.length === 0) throw new AppError({ code: "errors.nothingToRepair" });
  // DingTalk as it is now: what is still drift on those objects, and nothing else, is written.
  const client = idpClient(idp);
  const { input, compiled } = await loadPlanInputs(db, idp, client, { only: targets });
  const plan = repairPlan(
    { plan: planWithRules(input, compiled), snapshot: input.snapshot, bindings: input.bindings },
    targets,
  );
  if (plan.ops.length === 0) throw new AppError({ code: "errors.nothingToRepair" });
  const run = await startSyncRun({ db, idpId: idp.id, mode: "retry", trigger, actor, plan });
  const written = new Set(plan.ops.map((op) => op.localId));
  const repaired = items.filter((i) => i.localId && written.has(i.localId)).map((i) => i.id);
  for (let i = 0; i < repaired.length; i += 500)
    await db.driftItem.updateMany({ where: { id: { in: repaired.slice(i, i + 500) } }, data: { repairRunId: run.id } });
  await db.reconciliation.update({ where: { id: reconciliationId }, data: { repairRunId: run.id } });
  await writeAudit(db, {
    actor,
    action: "reconcile.repair",
    targetType: "idp",
    targetId: idp.id,
    details: { reconciliationId, runId: run.id, objects: written.size },
  });
  return run;
}
