import "server-only";
import { db } from "./db";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEntries({ page }: { page: number }) {
  const [total, entries] = await Promise.all([
    db.auditLog.count(),
    db.auditLog.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  return { entries, total, pages: Math.ceil(total / AUDIT_PAGE_SIZE) };
}
