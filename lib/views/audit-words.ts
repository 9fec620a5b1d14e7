// The one place that turns an audit entry (its action code, details and the names the server
// resolved) into a sentence in the reader's language: "admin@example.com created the account 张伟".
import type { Locale } from "@/lib/i18n/config";
import type { CatalogueKey, CatalogueValues, Translate } from "@/lib/messages/catalogue";
import {
  AUDIT_LISTED_NAMES,
  auditWordsKey,
  isAuditAction,
  type AuditAction,
  type AuditEntryView,
  type AuditWordsKey,
} from "./audit";

// An action without English words fails to compile here, naming the catalogue key.
type MissingKey = Exclude<AuditWordsKey, CatalogueKey>;
const everyActionHasWords: [MissingKey] extends [never] ? true : MissingKey = true;
void everyActionHasWords;

/** Why a sign-in was refused (details.reason): the sign-in guard's and the SSO refusals' codes. */
export const AUDIT_REFUSAL_REASONS = [
  "locked_out",
  "rate_limited",
  "idp_unavailable",
  "state_invalid",
  "unbound",
  "account_disabled",
  "code_invalid",
  "dingtalk_error",
  "not_in_dingtalk",
  "failed",
  "inapp_off",
] as const;
type RefusalReason = (typeof AUDIT_REFUSAL_REASONS)[number] | "unknown";

export type AuditSentenceEntry = Pick<AuditEntryView, "actor" | "action" | "details" | "names">;
type Context = { t: Translate; locale: Locale };

/** The entry as one sentence; a code this version has no words for still reads as one. */
export function auditSentence(entry: AuditSentenceEntry, context: Context): string {
  const { t } = context;
  const actor = entry.actor ?? t("audit.actorSystem");
  if (!isAuditAction(entry.action)) return t("audit.unknownAction", { actor, code: entry.action });
  return t(auditWordsKey(entry.action), { actor, ...actionValues(entry.action, entry, context) });
}

const yesNo = (value: unknown) => (value ? "yes" : "no");

function text(details: Record<string, unknown>, key: string): string | undefined {
  const value = details[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function count(details: Record<string, unknown>, key: string): number {
  const value = details[key];
  if (Array.isArray(value)) return value.length;
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function actionValues(action: AuditAction, { details, names }: AuditSentenceEntry, context: Context): CatalogueValues {
  const { t } = context;
  const idp = () => names.idp ?? t("audit.deleted.idp");
  const account = () => names.account ?? t("audit.deleted.account");
  const ou = () => names.ou ?? t("audit.deleted.ou");
  const parent = (name: string | null | undefined) =>
    name === "" ? t("audit.topLevel") : (name ?? t("audit.deleted.ou"));
  const tally = () => ({
    created: count(details, "created"),
    updated: count(details, "updated"),
    skipped: count(details, "skipped"),
  });
  switch (action) {
    case "admin.create":
      return {
        email: text(details, "email") ?? "—",
        linked: yesNo(text(details, "linkedAccountId")),
        account: account(),
      };
    case "auth.sign_in":
    case "portal.sign_in":
      return { method: text(details, "method") ?? "password", account: account() };
    case "auth.sign_in_failed":
      return { email: text(details, "email") ?? "—" };
    case "auth.sign_in_refused": {
      const email = text(details, "email");
      return {
        hasEmail: yesNo(email),
        email: email ?? "",
        method: text(details, "method") ?? "unknown",
        reason: t(`audit.refusals.${refusalReason(details.reason)}`),
      };
    }
    case "account.create":
    case "account.update":
      return { account: account() };
    case "account.enable":
    case "account.disable":
    case "account.delete": {
      const total = count(details, "count");
      const listed = names.accounts ?? [];
      return {
        count: total,
        account: listed[0] ?? account(),
        listed: yesNo(listed.length),
        accounts: nameList(listed, total, context),
      };
    }
    case "account.import":
    case "ou.import":
      return tally();
    case "ou.create":
    case "ou.delete":
      return { ou: ou(), members: count(details, "movedMembers") };
    case "ou.update": {
      const from = text(details, "from");
      const to = text(details, "to");
      return { ou: ou(), renamed: yesNo(from && to && from !== to), from: from ?? "", to: to ?? "" };
    }
    case "ou.move":
      return { ou: ou(), from: parent(names.fromOu), to: parent(names.toOu) };
    case "ou.reorder":
      return { ou: ou(), direction: details.direction === "up" ? "up" : "down" };
    case "custom_field.create":
    case "custom_field.update":
    case "custom_field.delete":
      return { field: names.field ?? t("audit.deleted.field") };
    case "directory.export": {
      const file = text(details, "file");
      return { file: file === "accounts.csv" ? "accounts" : file === "organizations.csv" ? "organizations" : "other" };
    }
    case "demo.seed":
      return { ous: count(details, "ous"), accounts: count(details, "accounts") };
    case "idp.update":
      return { idp: idp(), secret: yesNo(details.appSecretChanged === true) };
    case "idp.enable":
      return { idp: idp(), via: details.via === "wizard" ? "wizard" : "other" };
    case "idp.check_permissions":
      return { idp: idp(), missing: count(details, "missing") };
    case "idp.conflict.link":
    case "idp.conflict.skip":
    case "idp.conflict.clear": {
      const userid = text(details, "userid") ?? "—";
      const name = names.dingtalkUser;
      return { idp: idp(), account: account(), userid, hasName: yesNo(name), userName: name ?? "" };
    }
    case "sync.full":
      return { idp: idp(), plan: yesNo(text(details, "planId")) };
    case "sync.plan":
      return { idp: idp(), review: yesNo(details.needsReview === true) };
    case "sync.provision":
      return { idp: idp(), account: account() };
    case "reconcile.repair":
      return { idp: idp(), count: count(details, "objects") };
    case "idp.create":
    case "idp.rotate_secret":
    case "idp.scenario":
    case "idp.alerts.update":
    case "idp.reconcile.update":
    case "reconcile.run":
    case "idp.mapping.update":
    case "idp.disable":
    case "idp.delete":
    case "sync.dry_run":
    case "sync.incremental":
    case "sync.retry":
    case "sync.cancel":
    case "sync.plan.changed":
      return { idp: idp() };
  }
}

function refusalReason(reason: unknown): RefusalReason {
  return typeof reason === "string" && (AUDIT_REFUSAL_REASONS as readonly string[]).includes(reason)
    ? (reason as RefusalReason)
    : "unknown";
}

/** "A, B and C", or "A, B, C and 4 more" when the action covered more than it lists. */
function nameList(listed: string[], total: number, { t, locale }: Context): string {
  const names = listed.slice(0, AUDIT_LISTED_NAMES);
  const rest = total - names.length;
  const parts = rest > 0 ? [...names, t("audit.more", { count: rest })] : names;
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(parts);
}
