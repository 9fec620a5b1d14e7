import type { TAccount } from "@/lib/schemas/account";
import { validateCustomFieldValues, type CustomFieldDefinition } from "@/lib/schemas/custom-field";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { buildAccountRow, cleanCustomFields } from "./account-row";
import { rethrowUnique } from "./errors";
import { emitOutbox, type Tx } from "./outbox";

type AccountOptions = { db: Db; actor: AuditActor };

export async function loadCustomFieldDefinitions(db: Db | Tx): Promise<CustomFieldDefinition[]> {
  const rows = await db.customFieldDefinition.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    type: r.type as CustomFieldDefinition["type"],
    options: JSON.parse(r.options) as string[],
    required: r.required,
  }));
}

async function checkReferences(tx: Tx, account: TAccount): Promise<void> {
  const defs = await loadCustomFieldDefinitions(tx);
  const errors = validateCustomFieldValues(defs, cleanCustomFields(account.customFields));
  if (Object.keys(errors).length > 0) {
    const fieldErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [`customFields.${k}`, [v]]));
    throw new AppError("invalid_input", "validation.customFields", fieldErrors);
  }
  if (account.ouIds.length === 0) return;
  const found = await tx.organizationalUnit.count({ where: { id: { in: account.ouIds } } });
  if (found !== new Set(account.ouIds).size)
    throw new AppError("invalid_input", "validation.unknownOu", { ouIds: ["validation.unknownOu"] });
}

export async function createAccount({ db, actor, account }: AccountOptions & { account: TAccount }) {
  try {
    return await db.$transaction(async (tx) => {
      await checkReferences(tx, account);
      const { data, memberships } = buildAccountRow(account);
      const created = await tx.account.create({ data: { ...data, memberships: { create: memberships } } });
      await emitOutbox(tx, { objectType: "user", objectId: created.id, operation: "create" });
      await writeAudit(tx, {
        actor,
        action: "account.create",
        targetType: "account",
        targetId: created.id,
        details: { username: created.username },
      });
      return created;
    });
  } catch (error) {
    rethrowUnique(error, "username", "validation.usernameTaken");
  }
}

export async function updateAccount({ db, actor, id, account }: AccountOptions & { id: string; account: TAccount }) {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.account.findUnique({ where: { id }, include: { memberships: true } });
      if (!before) throw new AppError("not_found", "errors.accountNotFound");
      await checkReferences(tx, account);
      const { data, memberships } = buildAccountRow(account);
      const updated = await tx.account.update({ where: { id }, data });
      await tx.membership.deleteMany({ where: { accountId: id } });
      await tx.membership.createMany({ data: memberships.map((m) => ({ ...m, accountId: id })) });
      const wasMembers = before.memberships
        .map((m) => `${m.ouId}:${m.isPrimary}`)
        .sort()
        .join();
      const isMembers = memberships
        .map((m) => `${m.ouId}:${m.isPrimary}`)
        .sort()
        .join();
      await emitOutbox(tx, {
        objectType: "user",
        objectId: id,
        operation: wasMembers === isMembers ? "update" : "membership",
      });
      await writeAudit(tx, {
        actor,
        action: "account.update",
        targetType: "account",
        targetId: id,
        details: { username: updated.username },
      });
      return updated;
    });
  } catch (error) {
    rethrowUnique(error, "username", "validation.usernameTaken");
  }
}

export async function setAccountsStatus({
  db,
  actor,
  ids,
  status,
}: AccountOptions & { ids: string[]; status: "enabled" | "disabled" }) {
  return db.$transaction(async (tx) => {
    const changed = await tx.account.findMany({
      where: { id: { in: ids }, status: { not: status } },
      select: { id: true },
    });
    await tx.account.updateMany({ where: { id: { in: changed.map((c) => c.id) } }, data: { status } });
    await emitOutbox(
      tx,
      changed.map((c) => ({ objectType: "user" as const, objectId: c.id, operation: "update" as const })),
    );
    await writeAudit(tx, {
      actor,
      action: `account.${status === "enabled" ? "enable" : "disable"}`,
      targetType: "account",
      details: { count: changed.length, ids: changed.map((c) => c.id) },
    });
    return { changed: changed.length };
  });
}

export async function deleteAccounts({ db, actor, ids }: AccountOptions & { ids: string[] }) {
  return db.$transaction(async (tx) => {
    const existing = await tx.account.findMany({ where: { id: { in: ids } }, select: { id: true, username: true } });
    await tx.account.deleteMany({ where: { id: { in: existing.map((a) => a.id) } } });
    // Links and skips were answers about these accounts: once deleted, the deprovisioning policy applies.
    await tx.matchDecision.deleteMany({ where: { localId: { in: existing.map((a) => a.id) } } });
    await emitOutbox(
      tx,
      existing.map((a) => ({
        objectType: "user" as const,
        objectId: a.id,
        operation: "delete" as const,
        payload: { username: a.username },
      })),
    );
    await writeAudit(tx, {
      actor,
      action: "account.delete",
      targetType: "account",
      details: { count: existing.length, usernames: existing.map((a) => a.username).slice(0, 50) },
    });
    return { deleted: existing.length };
  });
}

/** What deleting these accounts does in DingTalk: the bound ones go at the next sync. */
export async function countBoundAccounts(db: Db, ids: string[]): Promise<number> {
  const bound = await db.binding.findMany({
    where: { objectType: "user", localId: { in: ids } },
    distinct: ["localId"],
    select: { localId: true },
  });
  return bound.length;
}
