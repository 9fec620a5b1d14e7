import "server-only";
import type { AuditEntryView } from "@/lib/views/audit";
import { describeAuditEntries } from "./audit-names";
import { containsText } from "./db/text-search";
import { db } from "./db";

export const AUDIT_PAGE_SIZE = 50;

/** A page of entries, newest first, with names; `query` matches the action, the actor or the target, ignoring case. */
export async function listAuditEntries({
  page,
  query,
}: {
  page: number;
  query?: string;
}): Promise<{ entries: AuditEntryView[]; total: number; pages: number }> {
  const q = query?.trim();
  const where = q
    ? {
        OR: [{ action: containsText(db, q) }, { actorLabel: containsText(db, q) }, { targetId: containsText(db, q) }],
      }
    : {};
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ]);
  return { entries: await describeAuditEntries(db, rows), total, pages: Math.ceil(total / AUDIT_PAGE_SIZE) };
}
