// The reconciliation schedule and drift policy of an IdP: read for Modify, saved with its audit entry.
import type { ReconcileSettingsView, TReconcileSettingsSchema } from "@/lib/views/reconcile";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { nextDueAfter, serverTimeZone } from "./schedule";

export async function loadReconcileSettingsView(db: Db, idpId: string): Promise<ReconcileSettingsView> {
  const idp = await db.identityProvider.findUnique({ where: { id: idpId } });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  return {
    id: idp.id,
    schedule: idp.reconcileSchedule as ReconcileSettingsView["schedule"],
    everyHours: idp.reconcileEveryHours,
    at: idp.reconcileAt,
    driftPolicy: idp.driftPolicy as ReconcileSettingsView["driftPolicy"],
    timeZone: serverTimeZone(),
    nextAt: idp.reconcileNextAt?.toISOString() ?? null,
  };
}

/** Saves the settings; the next due time follows the new schedule from now. */
export async function saveReconcileSettings({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: AuditActor;
  input: TReconcileSettingsSchema;
}): Promise<void> {
  const { id, schedule, everyHours, at, driftPolicy } = input;
  const exists = await db.identityProvider.count({ where: { id } });
  if (!exists) throw new AppError({ code: "errors.idpNotFound" });
  await db.$transaction(async (tx) => {
    await tx.identityProvider.update({
      where: { id },
      data: {
        reconcileSchedule: schedule,
        reconcileEveryHours: everyHours,
        reconcileAt: at,
        driftPolicy,
        reconcileNextAt: nextDueAfter({ schedule, everyHours, at }, new Date()),
      },
    });
    await writeAudit(tx, {
      actor,
      action: "idp.reconcile.update",
      targetType: "idp",
      targetId: id,
      details: { schedule, everyHours, at, driftPolicy },
    });
  });
}
