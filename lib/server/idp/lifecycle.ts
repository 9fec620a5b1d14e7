import type { TSaveMappingInput } from "@/lib/schemas/mapping";
import type { TMappingRule } from "@/lib/schemas/mapping";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { CurrentAdmin } from "../auth";
import type { Db } from "../prisma-client";
import { startSyncRun } from "../sync/runs";
import { checkRulesOnServer, replaceRules } from "./mapping";

type SaveMappingOptions = { db: Db; admin: CurrentAdmin; id: string; rules: TMappingRule[]; mode: TSaveMappingInput["mode"] };

/** Step 4 "Save and sync" / "Save only", or Configure Field Mapping's "Save" (update) and "Save and sync". */
export async function saveMapping({ db, admin, id, rules, mode }: SaveMappingOptions): Promise<{ runId: string | null }> {
  const idp = await db.identityProvider.findUnique({ where: { id } });
  if (!idp) throw new AppError("not_found", "idpErrors.notFound");
  if (mode !== "update" && idp.status === "draft" && (idp.wizardStep < 4 || !idp.permissionsCheckedAt)) {
    throw new AppError("wizard_incomplete", "idpErrors.wizardIncomplete");
  }
  // Checked before saving: the rules are not half-applied when the run cannot start.
  if (mode === "sync" && idp.status === "disabled") throw new AppError("disabled", "idpErrors.idpDisabled");
  await checkRulesOnServer(db, rules, admin.locale);
  await replaceRules({ db, actor: admin, idpId: id, rules });
  if (mode === "update") return { runId: null };
  if (idp.status === "draft") {
    await db.identityProvider.update({ where: { id }, data: { status: "enabled", wizardStep: 5 } });
    await writeAudit(db, { actor: admin, action: "idp.enable", targetType: "idp", targetId: id, details: { via: "wizard" } });
  }
  if (mode === "save") return { runId: null };
  const run = await startSyncRun({ db, idpId: id, mode: "full", trigger: idp.status === "draft" ? "wizard" : "manual", actor: admin });
  return { runId: run.id };
}

/** Enable or disable a finished IdP; a draft is finished by the wizard, not here. */
export async function setIdpEnabled({ db, actor, id, enabled }: { db: Db; actor: AuditActor; id: string; enabled: boolean }) {
  const idp = await db.identityProvider.findUnique({ where: { id } });
  if (!idp) throw new AppError("not_found", "idpErrors.notFound");
  if (idp.status === "draft") throw new AppError("wizard_incomplete", "idpErrors.wizardIncomplete");
  await db.$transaction(async (tx) => {
    await tx.identityProvider.update({ where: { id }, data: { status: enabled ? "enabled" : "disabled" } });
    await writeAudit(tx, { actor, action: enabled ? "idp.enable" : "idp.disable", targetType: "idp", targetId: id });
  });
}

/** Deletes the IdP, its rules, runs and bindings; DingTalk's users and departments stay as they are. */
export async function deleteIdp({ db, actor, id }: { db: Db; actor: AuditActor; id: string }) {
  const idp = await db.identityProvider.findUnique({ where: { id }, include: { _count: { select: { bindings: true } } } });
  if (!idp) throw new AppError("not_found", "idpErrors.notFound");
  if ((await db.syncRun.count({ where: { idpId: id, status: { in: ["queued", "running"] } } })) > 0) {
    throw new AppError("run_in_progress", "idpErrors.runInProgress");
  }
  await db.$transaction(async (tx) => {
    await tx.identityProvider.delete({ where: { id } });
    await writeAudit(tx, {
      actor, action: "idp.delete", targetType: "idp", targetId: id,
      details: { displayName: idp.displayName, corpId: idp.corpId, bindings: idp._count.bindings },
    });
  });
}
