import type { OuListItem, OuSearchResult } from "@/lib/views/directory";
import { containsText } from "../db/text-search";
import type { Db } from "../prisma-client";

export type { OuListItem, OuSearchResult } from "@/lib/views/directory";
import { loadOuPaths } from "./ou-paths";

/** One level of the tree: the lazily loaded children of `parentId` (null = roots). */
export async function listOuChildren(db: Db, parentId: string | null): Promise<OuListItem[]> {
  const ous = await db.organizationalUnit.findMany({
    where: { parentId },
    orderBy: [{ order: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      parentId: true,
      order: true,
      _count: { select: { children: true, memberships: true } },
    },
  });
  return ous.map((o) => ({
    id: o.id,
    name: o.name,
    parentId: o.parentId,
    order: o.order,
    childCount: o._count.children,
    memberCount: o._count.memberships,
  }));
}

type SearchOusOptions = { limit?: number; excludeIds?: string[] };

/** OUs whose name contains the query (ignoring case), with their full paths, for pickers; `total` counts every match, listed or not. */
export async function searchOus(
  db: Db,
  query: string,
  { limit = 20, excludeIds = [] }: SearchOusOptions = {},
): Promise<{ results: OuSearchResult[]; total: number }> {
  const q = query.trim();
  const where = {
    ...(q ? { name: containsText(db, q) } : {}),
    ...(excludeIds.length > 0 ? { id: { notIn: excludeIds } } : {}),
  };
  const [matches, total] = await Promise.all([
    db.organizationalUnit.findMany({ where, orderBy: { name: "asc" }, take: limit, select: { id: true, name: true } }),
    db.organizationalUnit.count({ where }),
  ]);
  if (matches.length === 0) return { results: [], total };
  const { pathById } = await loadOuPaths(db);
  return { results: matches.map((m) => ({ id: m.id, name: m.name, path: pathById.get(m.id) ?? m.name })), total };
}

/** The chain of ancestors from the root down to (and including) the OU. */
export async function ouAncestry(db: Db, id: string): Promise<{ id: string; name: string }[]> {
  const chain: { id: string; name: string }[] = [];
  let current: string | null = id;
  for (let depth = 0; current && depth < 64; depth++) {
    const ou: { id: string; name: string; parentId: string | null } | null = await db.organizationalUnit.findUnique({
      where: { id: current },
      select: { id: true, name: true, parentId: true },
    });
    if (!ou) break;
    chain.unshift({ id: ou.id, name: ou.name });
    current = ou.parentId;
  }
  return chain;
}
