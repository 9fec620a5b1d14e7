import "server-only";
import { db } from "./db";

export const ACCOUNTS_PAGE_SIZE = 50;

export async function listAccounts({ page, query }: { page: number; query?: string }) {
  const q = query?.trim();
  const where = q
    ? { OR: [{ username: { contains: q } }, { displayName: { contains: q } }, { email: { contains: q } }, { phoneNumber: { contains: q } }] }
    : {};
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

export type OuNode = { id: string; name: string; memberCount: number; children: OuNode[] };

/** The whole OU tree with direct member counts, siblings by order then name. */
export async function getOuTree(): Promise<OuNode[]> {
  const [ous, counts] = await Promise.all([
    db.organizationalUnit.findMany({ orderBy: [{ order: "asc" }, { name: "asc" }], select: { id: true, name: true, parentId: true } }),
    db.membership.groupBy({ by: ["ouId"], _count: { _all: true } }),
  ]);
  const countByOu = new Map(counts.map((c) => [c.ouId, c._count._all]));
  const nodes = new Map<string, OuNode>(ous.map((o) => [o.id, { id: o.id, name: o.name, memberCount: countByOu.get(o.id) ?? 0, children: [] }]));
  const roots: OuNode[] = [];
  for (const o of ous) {
    const node = nodes.get(o.id)!;
    const parent = o.parentId ? nodes.get(o.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
