import type { MappingRule } from "@/lib/mapping";
import type { BindingRecord, ObjectType, SourceAccount, SourceOu } from "@/lib/sync";
import { toMappingRule } from "../idp/rules";
import type { Db } from "../prisma-client";
import { slices } from "./slices";

type CustomValue = string | number | boolean | null;

/**
 * Every OU, and every account or only `accountIds` (incremental runs), as the planner
 * wants them (it works out the scope itself).
 */
export async function loadSource(
  db: Db,
  { accountIds }: { accountIds?: string[] } = {},
): Promise<{ ous: SourceOu[]; accounts: SourceAccount[] }> {
  const [ous, accounts] = await Promise.all([
    db.organizationalUnit.findMany({ orderBy: [{ order: "asc" }, { name: "asc" }] }),
    accountIds ? findAccounts(db, accountIds) : db.account.findMany({ include: { memberships: true } }),
  ]);
  const nameOf = new Map(ous.map((o) => [o.id, o.name]));
  return {
    ous: ous.map((o) => ({
      id: o.id,
      name: o.name,
      parentId: o.parentId,
      order: o.order,
      externalId: o.externalId,
      description: o.description,
      createTime: o.createdAt.getTime(),
      updateTime: o.updatedAt.getTime(),
    })),
    accounts: accounts.map((a) => {
      const primary = a.memberships.find((m) => m.isPrimary)?.ouId ?? a.memberships[0]?.ouId ?? null;
      return {
        id: a.id,
        userId: a.id,
        username: a.username,
        displayName: a.displayName,
        email: a.email,
        phoneNumber: a.phoneNumber,
        phoneRegion: a.phoneRegion,
        employeeNumber: a.employeeNumber,
        jobTitle: a.jobTitle,
        userExternalId: a.externalId,
        status: a.status,
        description: a.description,
        primaryOrganizationalUnitId: primary,
        organizationalUnits: a.memberships.map((m) => ({
          organizationalUnitId: m.ouId,
          organizationalUnitName: nameOf.get(m.ouId) ?? "",
        })),
        createTime: a.createdAt.getTime(),
        updateTime: a.updatedAt.getTime(),
        customFields: JSON.parse(a.customFields) as Record<string, CustomValue>,
        ouIds: a.memberships.map((m) => m.ouId),
        primaryOuId: primary,
      };
    }),
  };
}

async function findAccounts(db: Db, ids: string[]) {
  const found = await Promise.all(
    slices(ids).map((slice) => db.account.findMany({ where: { id: { in: slice } }, include: { memberships: true } })),
  );
  return found.flat();
}

export async function loadRules(db: Db, idpId: string): Promise<MappingRule[]> {
  const rows = await db.fieldMappingRule.findMany({
    where: { idpId },
    orderBy: [{ objectType: "asc" }, { position: "asc" }],
  });
  return rows.map(toMappingRule);
}

export async function loadBindings(db: Db, idpId: string): Promise<BindingRecord[]> {
  const rows = await db.binding.findMany({ where: { idpId } });
  return rows.map((b) => ({
    objectType: b.objectType as ObjectType,
    localId: b.localId,
    remoteId: b.remoteId,
    contentHash: b.contentHash,
    rulesDigest: b.rulesDigest,
  }));
}
