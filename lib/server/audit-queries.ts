import "server-only";
import { db } from "./db";

export const AUDIT_PAGE_SIZE = 50;

/** A page of entries, newest first; `query` matches the action, the actor or the target. */
export async function listAuditEntries({ page, query }: { page: number; query?: string }) {
  const q = query?.trim();
  const where = q
    ? { OR: [{ action: { contains: q } }, { actorLabel: { contains: q } }, { targetId: { contains: q } }] }
    : {};
  const [total, entries] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ]);
  return { entries, total, pages: Math.ceil(total / AUDIT_PAGE_SIZE) };
}
