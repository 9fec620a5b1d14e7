import type { AuditAction } from "@/lib/views/audit";
import type { Db } from "./prisma-client";

export type AuditActor = { id: string; email: string } | "system";

export type AuditEntry = {
  actor: AuditActor;
  /** A code of AUDIT_ACTIONS (lib/views/audit.ts): a new code is listed there and given words. */
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

const SECRET_KEY = /secret|password|token|privatekey|encryptionkey/i;

/** Replaces the values of secret-looking keys, at any depth, with "••••". */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) && v != null && v !== "" ? "••••" : maskSecrets(v)]),
    );
  }
  return value;
}

// Takes a transaction client too, so an entry commits with the change it records.
export async function writeAudit(db: Pick<Db, "auditLog">, entry: AuditEntry): Promise<void> {
  const actor = entry.actor === "system" ? null : entry.actor;
  await db.auditLog.create({
    data: {
      actorId: actor?.id ?? null,
      actorLabel: actor?.email ?? "system",
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: JSON.stringify(maskSecrets(entry.details ?? {})),
    },
  });
}
