import type { Db } from "../prisma-client";
import type { Tx } from "./outbox";

export const PATH_SEPARATOR = "/";

export type OuPathIndex = { pathById: Map<string, string>; idByPath: Map<string, string> };

/** "Acme Group/Sales/East China" for every OU, and back. */
export async function loadOuPaths(db: Db | Tx): Promise<OuPathIndex> {
  const ous = await db.organizationalUnit.findMany({ select: { id: true, name: true, parentId: true } });
  const byId = new Map(ous.map((o) => [o.id, o]));
  const pathById = new Map<string, string>();
  const pathOf = (id: string, depth = 0): string => {
    const cached = pathById.get(id);
    if (cached !== undefined) return cached;
    const ou = byId.get(id)!;
    // A cycle cannot be written through the app; the depth cap guards hand-edited data.
    const path =
      ou.parentId && byId.has(ou.parentId) && depth < 64
        ? `${pathOf(ou.parentId, depth + 1)}${PATH_SEPARATOR}${ou.name}`
        : ou.name;
    pathById.set(id, path);
    return path;
  };
  for (const o of ous) pathOf(o.id);
  return { pathById, idByPath: new Map([...pathById].map(([id, path]) => [normalizePath(path), id])) };
}

export function normalizePath(path: string): string {
  return path
    .split(PATH_SEPARATOR)
    .map((p) => p.trim())
    .filter(Boolean)
    .join(PATH_SEPARATOR);
}
