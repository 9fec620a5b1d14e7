// The audit log: every action code the console writes (writeAudit's `action` is typed by this list,
// so a new code fails to compile until it is listed here, and audit-words.test.ts fails until it has
// words), and an entry as the server hands it to the audit log page.
import type { RunKind } from "@/lib/sync/run";

export const AUDIT_ACTIONS = [
  "admin.create",
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_in_refused",
  "portal.sign_in",
  "account.create",
  "account.update",
  "account.enable",
  "account.disable",
  "account.delete",
  "account.import",
  "ou.create",
  "ou.update",
  "ou.move",
  "ou.reorder",
  "ou.delete",
  "ou.import",
  "custom_field.create",
  "custom_field.update",
  "custom_field.delete",
  "directory.export",
  "demo.seed",
  "idp.create",
  "idp.update",
  "idp.rotate_secret",
  "idp.check_permissions",
  "idp.scenario",
  "idp.alerts.update",
  "idp.reconcile.update",
  "idp.mapping.update",
  "idp.enable",
  "idp.disable",
  "idp.delete",
  "idp.conflict.link",
  "idp.conflict.skip",
  "idp.conflict.clear",
  "sync.full",
  "sync.dry_run",
  "sync.incremental",
  "sync.retry",
  "sync.cancel",
  "sync.plan",
  "sync.plan.changed",
  "sync.provision",
  "reconcile.run",
  "reconcile.repair",
] as const satisfies readonly string[];

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

// startSyncRun writes `sync.${kind}`: every run kind must be an action.
const everyRunKindIsAnAction: `sync.${RunKind}` extends AuditAction ? true : never = true;
void everyRunKindIsAnAction;

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The catalogue key of an action's sentence: "audit.actions.<code with _ for .>" (next-intl nests on dots). */
export type AuditWordsKey = `audit.actions.${ReplaceDots<AuditAction>}`;
type ReplaceDots<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${ReplaceDots<B>}` : S;

export function auditWordsKey(action: AuditAction): AuditWordsKey {
  return `audit.actions.${action.replaceAll(".", "_")}` as AuditWordsKey;
}

/** How many names of a bulk action's accounts an entry shows before "and N more". */
export const AUDIT_LISTED_NAMES = 3;

/**
 * The names an entry's sentence needs, resolved by the server from the ids the entry keeps (or
 * from names kept in its details when the object is gone). `null`: the object no longer exists
 * and no name was kept; absent: the entry does not refer to one.
 */
export type AuditNames = {
  idp?: string | null;
  account?: string | null;
  /** Bulk actions on accounts: the first few names (the count is in the details). */
  accounts?: string[];
  ou?: string | null;
  /** ou.move: the old and new parent; "" is the top level. */
  fromOu?: string | null;
  toOu?: string | null;
  field?: string | null;
  /** idp.conflict.link: the DingTalk user's name when the console has seen it. */
  dingtalkUser?: string | null;
};

export type AuditEntryView = {
  id: string;
  createdAt: string;
  /** The administrator's e-mail; null for the system. */
  actor: string | null;
  /** As stored: an entry written by an older version may carry a code this list no longer has. */
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** The details as stored (JSON, secrets masked). */
  details: Record<string, unknown>;
  names: AuditNames;
};
