import type { Db } from "../prisma-client";

/** What the portal shows: the account as the directory holds it, and the DingTalk users bound to it. */
export async function portalProfile(db: Db, accountId: string) {
  const account = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      displayName: true,
      username: true,
      email: true,
      phoneNumber: true,
      phoneRegion: true,
      employeeNumber: true,
      jobTitle: true,
      memberships: {
        select: { isPrimary: true, ou: { select: { id: true, name: true } } },
        orderBy: { isPrimary: "desc" },
      },
    },
  });
  const bindings = await db.binding.findMany({
    where: { objectType: "user", localId: accountId },
    select: { id: true, remoteId: true, lastSyncedAt: true, idp: { select: { displayName: true, corpId: true } } },
    orderBy: { createdAt: "asc" },
  });
  return { account, bindings };
}
