import { isDingTalkError } from "@/lib/dingtalk";
import type { z } from "zod";
import type { ZScenarioSchema } from "@/lib/schemas/idp";
import { AppError, fieldErrorsFor } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { idpClient } from "./client";
import { dingTalkAppError } from "./dingtalk-errors";

type Scenario = z.output<typeof ZScenarioSchema>;

/** The DingTalk department's name, or a field error on targetDeptId saying why it cannot be the target. */
export async function lookupTargetDept(
  db: Db,
  id: string,
  deptId: number,
  field: "targetDeptId" | "deprovisionDeptId" = "targetDeptId",
): Promise<{ deptId: number; name: string }> {
  const idp = await db.identityProvider.findUnique({ where: { id } });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  try {
    const dept = await idpClient(idp).getDepartment(deptId);
    return { deptId, name: dept.name };
  } catch (err) {
    if (!isDingTalkError(err)) throw err;
    const code = err.effectiveCode;
    if (code === 60003 || code === 60004 || err.kind === "not_found") {
      throw new AppError({ code: "errors.deptNotFound" }, fieldErrorsFor([field], { code: "errors.deptNotFound" }));
    }
    if (code === 50004)
      throw new AppError({ code: "errors.deptOutOfScope" }, fieldErrorsFor([field], { code: "errors.deptOutOfScope" }));
    throw dingTalkAppError(err, [field]);
  }
}

/** Wizard step 3 (and Modify > scenario): the sync scope, the target node and the switches. */
export async function saveScenario({ db, actor, input }: { db: Db; actor: AuditActor; input: Scenario }) {
  const idp = await db.identityProvider.findUnique({ where: { id: input.id } });
  if (!idp) throw new AppError({ code: "errors.idpNotFound" });
  const found = await db.organizationalUnit.count({ where: { id: { in: input.sourceOuIds } } });
  if (found !== new Set(input.sourceOuIds).size)
    throw new AppError(
      { code: "validation.unknownOu" },
      fieldErrorsFor(["sourceOuIds"], { code: "validation.unknownOu" }),
    );
  if (input.incrementalSync && !idp.lastFullSyncAt) {
    throw new AppError(
      { code: "errors.incrementalBeforeFull" },
      fieldErrorsFor(["incrementalSync"], { code: "errors.incrementalBeforeFull" }),
    );
  }
  const target = await lookupTargetDept(db, idp.id, input.targetDeptId);
  // The holding department of "move" must exist in DingTalk, like the target node.
  const holding =
    input.deprovisionPolicy === "move" && input.deprovisionDeptId
      ? await lookupTargetDept(db, idp.id, input.deprovisionDeptId, "deprovisionDeptId")
      : undefined;
  const deprovision = input.deprovisionPolicy && {
    deprovisionPolicy: input.deprovisionPolicy,
    deprovisionDeptId: holding?.deptId ?? null,
  };
  const data = {
    ...deprovision,
    sourceOuIds: JSON.stringify(input.sourceOuIds),
    targetDeptId: input.targetDeptId,
    incrementalSync: input.incrementalSync,
    qrLogin: input.qrLogin,
    inAppSso: input.inAppSso,
    reviewBeforeWriting: input.reviewBeforeWriting,
  };
  await db.$transaction(async (tx) => {
    await tx.identityProvider.update({
      where: { id: idp.id },
      data: { ...data, wizardStep: idp.status === "draft" ? Math.max(idp.wizardStep, 4) : idp.wizardStep },
    });
    // A plan waiting for review was computed with the old scope and policies: it is out of date.
    await tx.syncPlan.updateMany({ where: { idpId: idp.id, status: "ready" }, data: { status: "stale" } });
    await writeAudit(tx, {
      actor,
      action: "idp.scenario",
      targetType: "idp",
      targetId: idp.id,
      details: { ...input, targetDeptName: target.name, ...(holding && { deprovisionDeptName: holding.name }) },
    });
  });
  return target;
}
