import type { TCustomField } from "@/lib/schemas/custom-field";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { rethrowUnique } from "./errors";

type Options = { db: Db; actor: AuditActor };

export async function createCustomField({ db, actor, field }: Options & { field: TCustomField }) {
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.customFieldDefinition.aggregate({ _max: { position: true } });
      const created = await tx.customFieldDefinition.create({
        data: { ...field, options: JSON.stringify(field.options), position: (last._max.position ?? -1) + 1 },
      });
      await writeAudit(tx, {
        actor,
        action: "custom_field.create",
        targetType: "custom_field",
        targetId: field.id,
        details: { displayName: field.displayName, type: field.type },
      });
      return created;
    });
  } catch (error) {
    rethrowUnique(error, "id", "validation.customFieldTaken");
  }
}

export async function updateCustomField({ db, actor, field }: Options & { field: TCustomField }) {
  return db.$transaction(async (tx) => {
    if (!(await tx.customFieldDefinition.findUnique({ where: { id: field.id } })))
      throw new AppError({ code: "errors.customFieldNotFound" });
    const updated = await tx.customFieldDefinition.update({
      where: { id: field.id },
      data: {
        displayName: field.displayName,
        type: field.type,
        options: JSON.stringify(field.options),
        required: field.required,
      },
    });
    await writeAudit(tx, {
      actor,
      action: "custom_field.update",
      targetType: "custom_field",
      targetId: field.id,
      details: { displayName: field.displayName, type: field.type, required: field.required },
    });
    return updated;
  });
}

/** Removes the definition; values stay on accounts until they are next saved. */
export async function deleteCustomField({ db, actor, id }: Options & { id: string }) {
  return db.$transaction(async (tx) => {
    const removed = await tx.customFieldDefinition.deleteMany({ where: { id } });
    if (removed.count === 0) throw new AppError({ code: "errors.customFieldNotFound" });
    await writeAudit(tx, { actor, action: "custom_field.delete", targetType: "custom_field", targetId: id });
    return { id };
  });
}
