import type { Db } from "../prisma-client";
import { descendantIds } from "./ous";

export const ACCOUNTS_PAGE_SIZE = 50;

/** A page of accounts, searched by text and filtered by an OU and everything under it. */
export async function listAccounts(db: Db, { page, query, ouId }: { page: number; query?: string; ouId?: string }) {
  const q = query?.trim();
  const where = {
    ...(q ? { OR: [{ username: { contains: q } }, { displayName: { contains: q } }, { email: { contains: q } }, { phoneNumber: { contains: q } }] } : {}),
    ...(ouId ? { memberships: { some: { ouId: { in: [...(await descendantIds(db, ouId))] } } } } : {}),
  };
  const [total, accounts] = await Promise.all([
    db.account.count({ where }),
    db.account.findMany({
      where,
      orderBy: { username: "asc" },
      skip: (page - 1) * ACCOUNTS_PAGE_SIZE,
      take: ACCOUNTS_PAGE_SIZE,
      select: {
        id: true, username: true, displayName: true, email: true, phoneNumber: true, phoneRegion: true, status: true,
        memberships: { where: { isPrimary: true }, select: { ou: { select: { name: true } } } },
      },
    }),
  ]);
  return { accounts, total, pages: Math.ceil(total / ACCOUNTS_PAGE_SIZE) };
}
