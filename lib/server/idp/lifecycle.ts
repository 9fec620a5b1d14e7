import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";

/** Enable or disable a finished IdP; a draft is finished by the wizard, not here. */
export async function setIdpEnabled({
  db,
  actor,
  id,
  enabled,
}: {
  db: Db;
  actor: AuditActor;
  id: string;
  enabled: boolean;
}) {
  const idp = await db.identityProvider.findUnique({ where: { id } });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  if (idp.status === "draft") throw new AppError({ code: "errors.wizardIncomplete" });
  await db.$transaction(async (tx) => {
    await tx.identityProvider.update({ where: { id }, data: { status: enabled ? "enabled" : "disabled" } });
    await writeAudit(tx, { actor, action: enabled ? "idp.enable" : "idp.disable", targetType: "idp", targetId: id });
  });
}

/** Deletes the IdP, its rules, runs and bindings; DingTalk's users and departments stay as they are. */
export async function deleteIdp({ db, actor, id }: { db: Db; actor: AuditActor; id: string }) {
  const idp = await db.identityProvider.findUnique({
    where: { id },
    include: { _count: { select: { bindings: true } } },
  });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  if ((await db.syncRun.count({ where: { idpId: id, status: { in: ["queued", "running"] } } })) > 0) {
    throw new AppError({ code: "errors.runInProgress" });
  }
  await db.$transaction(async (tx) => {
    await tx.identityProvider.delete({ where: { id } });
    await writeAudit(tx, {
      actor,
      action: "idp.delete",
      targetType: "idp",
      targetId: id,
      details: { displayName: idp.displayName, corpId: idp.corpId, bindings: idp._count.bindings },
    });
  });
}
