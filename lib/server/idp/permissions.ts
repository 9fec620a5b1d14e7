import { isDingTalkError, probePermissions } from "@/lib/dingtalk";
import type { PermissionCheck } from "@/lib/views/idp";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { idpClient } from "./client";
import { dingTalkAppError } from "./dingtalk-errors";

export type { PermissionCheck } from "@/lib/views/idp";

/** Wizard step 2: asks DingTalk what the app may really do; only a complete report moves the wizard on. */
export async function checkPermissions({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: AuditActor;
  id: string;
}): Promise<PermissionCheck> {
  const idp = await db.identityProvider.findUnique({ where: { id } });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  let report;
  try {
    report = await probePermissions(idpClient(idp));
  } catch (err) {
    if (isDingTalkError(err)) throw dingTalkAppError(err);
    throw err;
  }
  // The whole organization, or at least one department the target node can be chosen from.
  const isPassed =
    report.missing.length === 0 &&
    report.permissions.every((p) => p.granted === true) &&
    (report.allEmployees || report.authedDept.length > 0);
  if (isPassed) {
    await db.identityProvider.update({
      where: { id },
      data: {
        permissionsCheckedAt: new Date(),
        wizardStep: idp.status === "draft" ? Math.max(idp.wizardStep, 3) : idp.wizardStep,
      },
    });
  }
  await writeAudit(db, {
    actor,
    action: "idp.check_permissions",
    targetType: "idp",
    targetId: id,
    details: { missing: report.missing, allEmployees: report.allEmployees },
  });
  return {
    isPassed,
    allEmployees: report.allEmployees,
    authedDept: report.authedDept,
    permissions: report.permissions,
    missing: report.missing,
  };
}
