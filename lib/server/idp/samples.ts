import { toIdpOrganizationalUnit, toIdpUser } from "@/lib/sync/mapping";
import { containsText } from "../db/text-search";
import type { Db } from "../prisma-client";

/** The accounts an administrator can pick for the preview (by username, name or e-mail, ignoring case). */
export async function searchSampleAccounts(db: Db, q: string) {
  const text = q.trim();
  return db.account.findMany({
    where: text
      ? {
          OR: [
            { username: containsText(db, text) },
            { displayName: containsText(db, text) },
            { email: containsText(db, text) },
          ],
        }
      : {},
    orderBy: { username: "asc" },
    take: 20,
    select: { id: true, username: true, displayName: true, email: true },
  });
}

/** The idpUser variable exactly as a sync builds it (lib/sync toIdpUser). */
export async function sampleIdpUser(db: Db, accountId: string) {
  const a = await db.account.findUnique({
    where: { id: accountId },
    include: { memberships: { include: { ou: { select: { name: true } } } } },
  });
  if (!a) return null;
  const primary = a.memberships.find((m) => m.isPrimary)?.ouId ?? a.memberships[0]?.ouId ?? null;
  return toIdpUser({
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
      organizationalUnitName: m.ou.name,
    })),
    createTime: a.createdAt.getTime(),
    updateTime: a.updatedAt.getTime(),
    customFields: JSON.parse(a.customFields) as Record<string, string | number | boolean | null>,
    ouIds: a.memberships.map((m) => m.ouId),
    primaryOuId: primary,
  });
}

export async function sampleIdpOu(db: Db, ouId: string) {
  const o = await db.organizationalUnit.findUnique({ where: { id: ouId } });
  if (!o) return null;
  return toIdpOrganizationalUnit({
    id: o.id,
    name: o.name,
    parentId: o.parentId,
    order: o.order,
    externalId: o.externalId,
    description: o.description,
    createTime: o.createdAt.getTime(),
    updateTime: o.updatedAt.getTime(),
  });
}
