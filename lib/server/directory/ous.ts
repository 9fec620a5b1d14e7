import { AppError, fieldErrorsFor } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { emitOutbox, type Tx } from "./outbox";

type OuOptions = { db: Db; actor: AuditActor };

async function assertSiblingNameFree(tx: Tx, parentId: string | null, name: string, exceptId?: string) {
  const clash = await tx.organizationalUnit.findFirst({
    where: { parentId, name, id: exceptId ? { not: exceptId } : undefined },
    select: { id: true },
  });
  // DingTalk refuses two departments of one name under one parent (60008).
  if (clash)
    throw new AppError(
      { code: "validation.ouNameTaken" },
      fieldErrorsFor(["name"], { code: "validation.ouNameTaken" }),
    );
}

/** Ids of the OU and everything under it. */
export async function descendantIds(db: Db | Tx, id: string): Promise<Set<string>> {
  const all = await db.organizationalUnit.findMany({ select: { id: true, parentId: true } });
  const children = new Map<string, string[]>();
  for (const o of all) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const out = new Set<string>([id]);
  const stack = [id];
  while (stack.length) {
    for (const c of children.get(stack.pop()!) ?? []) {
      if (out.has(c)) continue;
      out.add(c);
      stack.push(c);
    }
  }
  return out;
}

export async function createOu({
  db,
  actor,
  input,
}: OuOptions & {
  input: { name: string; parentId: string | null; externalId: string | null; description: string | null };
}) {
  return db.$transaction(async (tx) => {
    if (
      input.parentId &&
      !(await tx.organizationalUnit.findUnique({ where: { id: input.parentId }, select: { id: true } }))
    ) {
      throw new AppError({ code: "errors.ouNotFound" });
    }
    await assertSiblingNameFree(tx, input.parentId, input.name);
    const last = await tx.organizationalUnit.aggregate({ where: { parentId: input.parentId }, _max: { order: true } });
    const ou = await tx.organizationalUnit.create({ data: { ...input, order: (last._max.order ?? 0) + 10 } });
    await emitOutbox(tx, { objectType: "organization", objectId: ou.id, operation: "create" });
    await writeAudit(tx, { actor, action: "ou.create", targetType: "ou", targetId: ou.id, details: { name: ou.name } });
    return ou;
  });
}

export async function updateOu({
  db,
  actor,
  input,
}: OuOptions & { input: { id: string; name: string; externalId: string | null; description: string | null } }) {
  return db.$transaction(async (tx) => {
    const before = await tx.organizationalUnit.findUnique({ where: { id: input.id } });
    if (!before) throw new AppError({ code: "errors.ouNotFound" });
    await assertSiblingNameFree(tx, before.parentId, input.name, input.id);
    const ou = await tx.organizationalUnit.update({
      where: { id: input.id },
      data: { name: input.name, externalId: input.externalId, description: input.description },
    });
    await emitOutbox(tx, { objectType: "organization", objectId: ou.id, operation: "update" });
    await writeAudit(tx, {
      actor,
      action: "ou.update",
      targetType: "ou",
      targetId: ou.id,
      details: { from: before.name, to: ou.name },
    });
    return ou;
  });
}

export async function moveOu({ db, actor, id, parentId }: OuOptions & { id: string; parentId: string }) {
  return db.$transaction(async (tx) => {
    const ou = await tx.organizationalUnit.findUnique({ where: { id } });
    if (!ou) throw new AppError({ code: "errors.ouNotFound" });
    if (!ou.parentId) throw new AppError({ code: "errors.moveRoot" });
    if ((await descendantIds(tx, id)).has(parentId))
      throw new AppError(
        { code: "errors.moveUnderItself" },
        fieldErrorsFor(["parentId"], { code: "errors.moveUnderItself" }),
      );
    if (!(await tx.organizationalUnit.findUnique({ where: { id: parentId }, select: { id: true } })))
      throw new AppError({ code: "errors.ouNotFound" });
    if (ou.parentId === parentId) return ou;
    await assertSiblingNameFree(tx, parentId, ou.name, id);
    const last = await tx.organizationalUnit.aggregate({ where: { parentId }, _max: { order: true } });
    const moved = await tx.organizationalUnit.update({
      where: { id },
      data: { parentId, order: (last._max.order ?? 0) + 10 },
    });
    await emitOutbox(tx, {
      objectType: "organization",
      objectId: id,
      operation: "move",
      payload: { from: ou.parentId, to: parentId },
    });
    await writeAudit(tx, {
      actor,
      action: "ou.move",
      targetType: "ou",
      targetId: id,
      details: { name: ou.name, from: ou.parentId, to: parentId },
    });
    return moved;
  });
}

/** Swaps the OU with its previous or next sibling. */
export async function reorderOu({ db, actor, id, direction }: OuOptions & { id: string; direction: "up" | "down" }) {
  return db.$transaction(async (tx) => {
    const ou = await tx.organizationalUnit.findUnique({ where: { id } });
    if (!ou) throw new AppError({ code: "errors.ouNotFound" });
    const siblings = await tx.organizationalUnit.findMany({
      where: { parentId: ou.parentId },
      orderBy: [{ order: "asc" }, { name: "asc" }],
      select: { id: true },
    });
    const index = siblings.findIndex((s) => s.id === id);
    const other = siblings[direction === "up" ? index - 1 : index + 1];
    if (!other) return { changed: 0 };
    const ordered = siblings.map((s) => s.id);
    [ordered[index], ordered[ordered.indexOf(other.id)]] = [other.id, id];
    // Renumber the siblings so equal orders from imports cannot make a swap a no-op.
    const changed: string[] = [];
    for (const [i, sid] of ordered.entries()) {
      const current = await tx.organizationalUnit.findUniqueOrThrow({ where: { id: sid }, select: { order: true } });
      if (current.order !== (i + 1) * 10) {
        await tx.organizationalUnit.update({ where: { id: sid }, data: { order: (i + 1) * 10 } });
        changed.push(sid);
      }
    }
    await emitOutbox(
      tx,
      changed.map((cid) => ({ objectType: "organization" as const, objectId: cid, operation: "update" as const })),
    );
    await writeAudit(tx, { actor, action: "ou.reorder", targetType: "ou", targetId: id, details: { direction } });
    return { changed: changed.length };
  });
}

export async function deleteOu({
  db,
  actor,
  id,
  moveMembersToParent,
}: OuOptions & { id: string; moveMembersToParent: boolean }) {
  return db.$transaction(async (tx) => {
    const ou = await tx.organizationalUnit.findUnique({
      where: { id },
      include: { _count: { select: { children: true, memberships: true } } },
    });
    if (!ou) throw new AppError({ code: "errors.ouNotFound" });
    if (ou._count.children > 0) throw new AppError({ code: "errors.ouHasChildren" });
    const members = await tx.membership.findMany({ where: { ouId: id } });
    if (members.length > 0 && (!moveMembersToParent || !ou.parentId))
      throw new AppError({ code: "errors.ouHasMembers" });
    if (members.length > 0 && ou.parentId) {
      const parentId = ou.parentId;
      const already = new Set(
        (
          await tx.membership.findMany({
            where: { ouId: parentId, accountId: { in: members.map((m) => m.accountId) } },
          })
        ).map((m) => m.accountId),
      );
      await tx.membership.createMany({
        data: members
          .filter((m) => !already.has(m.accountId))
          .map((m) => ({ accountId: m.accountId, ouId: parentId, isPrimary: m.isPrimary })),
      });
      const primaryMoved = members.filter((m) => m.isPrimary && already.has(m.accountId)).map((m) => m.accountId);
      await tx.membership.updateMany({
        where: { ouId: parentId, accountId: { in: primaryMoved } },
        data: { isPrimary: true },
      });
    }
    await tx.organizationalUnit.delete({ where: { id } });
    await emitOutbox(tx, [
      ...members.map((m) => ({ objectType: "user" as const, objectId: m.accountId, operation: "membership" as const })),
      { objectType: "organization", objectId: id, operation: "delete", payload: { name: ou.name } },
    ]);
    await writeAudit(tx, {
      actor,
      action: "ou.delete",
      targetType: "ou",
      targetId: id,
      details: { name: ou.name, movedMembers: members.length },
    });
    return { movedMembers: members.length };
  });
}
