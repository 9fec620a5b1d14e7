import { readReason } from "@/lib/sync/reasons";
import { AUDIT_LISTED_NAMES, type AuditEntryView, type AuditNames } from "@/lib/views/audit";
import type { AuditLog } from "@/lib/generated/prisma/client";
import type { Db } from "./prisma-client";

type Details = Record<string, unknown>;
type Row = Pick<AuditLog, "id" | "createdAt" | "actorLabel" | "action" | "targetType" | "targetId" | "details">;

const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

function parseDetails(json: string): Details {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Details) : {};
  } catch {
    return {};
  }
}

/** The ids an entry refers to, by kind. */
function refsOf(row: Row, details: Details) {
  const target = (type: string) => (row.targetType === type ? (row.targetId ?? undefined) : undefined);
  const ids = Array.isArray(details.ids) ? details.ids.filter((id): id is string => typeof id === "string") : [];
  return {
    idp: target("idp") ?? str(details.idpId),
    run: target("sync_run"),
    account: target("account") ?? str(details.linkedAccountId),
    accounts: ids.slice(0, AUDIT_LISTED_NAMES),
    ou: target("ou"),
    parents: row.action === "ou.move" ? [str(details.from), str(details.to)] : [],
    field: target("custom_field"),
    dingtalkUser: row.action === "idp.conflict.link" ? str(details.userid) : undefined,
  };
}

/**
 * Entries with the names their sentences need, resolved in one query per kind of object for the
 * whole page. An object that is gone is named by what the entry kept in its details, else null.
 */
export async function describeAuditEntries(db: Db, rows: Row[]): Promise<AuditEntryView[]> {
  const entries = rows.map((row) => {
    const details = parseDetails(row.details);
    return { row, details, refs: refsOf(row, details) };
  });
  const collect = (pick: (refs: (typeof entries)[number]["refs"]) => (string | undefined)[]) => [
    ...new Set(entries.flatMap((e) => pick(e.refs)).filter((id): id is string => !!id)),
  ];
  const linkedLocalIds = collect((r) => (r.dingtalkUser ? [r.account] : []));
  const [runs, accounts, ous, fields, dingtalkNames] = await Promise.all([
    db.syncRun.findMany({ where: { id: { in: collect((r) => [r.run]) } }, select: { id: true, idpId: true } }),
    db.account.findMany({
      where: { id: { in: collect((r) => [r.account, ...r.accounts]) } },
      select: { id: true, displayName: true, username: true },
    }),
    db.organizationalUnit.findMany({
      where: { id: { in: collect((r) => [r.ou, ...r.parents]) } },
      select: { id: true, name: true },
    }),
    db.customFieldDefinition.findMany({
      where: { id: { in: collect((r) => [r.field]) } },
      select: { id: true, displayName: true },
    }),
    dingTalkUserNames(db, linkedLocalIds),
  ]);
  const runIdp = new Map(runs.map((r) => [r.id, r.idpId]));
  const idps = await db.identityProvider.findMany({
    where: { id: { in: collect((r) => [r.idp, r.run && runIdp.get(r.run)]) } },
    select: { id: true, displayName: true },
  });
  const idpName = new Map(idps.map((i) => [i.id, i.displayName]));
  const accountName = new Map(accounts.map((a) => [a.id, a.displayName || a.username]));
  const ouName = new Map(ous.map((o) => [o.id, o.name]));
  const fieldName = new Map(fields.map((f) => [f.id, f.displayName]));

  return entries.map(({ row, details, refs }) => {
    const names: AuditNames = {};
    const idpId = refs.idp ?? (refs.run && runIdp.get(refs.run));
    if (idpId || refs.run) names.idp = (idpId && idpName.get(idpId)) ?? str(details.displayName) ?? null;
    if (refs.account) {
      names.account =
        (refs.account && accountName.get(refs.account)) ?? str(details.account) ?? str(details.username) ?? null;
    }
    if (refs.accounts.length > 0) names.accounts = refs.accounts.flatMap((id) => accountName.get(id) ?? []);
    else if (Array.isArray(details.usernames)) names.accounts = details.usernames.filter((u) => typeof u === "string");
    if (row.targetType === "ou") {
      names.ou = (refs.ou && ouName.get(refs.ou)) ?? str(details.name) ?? str(details.to) ?? null;
    }
    if (row.action === "ou.move") {
      // A null parent is the top level (""); a parent since deleted has no name (null).
      const parent = (id: unknown) => (id === null ? "" : typeof id === "string" ? (ouName.get(id) ?? null) : null);
      names.fromOu = parent(details.from);
      names.toOu = parent(details.to);
    }
    if (row.targetType === "custom_field") {
      names.field = (refs.field && fieldName.get(refs.field)) ?? str(details.displayName) ?? refs.field ?? null;
    }
    if (refs.dingtalkUser) {
      names.dingtalkUser = (refs.account && dingtalkNames.get(`${refs.account}:${refs.dingtalkUser}`)) ?? null;
    }
    return {
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      actor: row.actorLabel === "system" ? null : row.actorLabel,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      details,
      names,
    };
  });
}

/**
 * The names of DingTalk users that accounts were linked to, as the console last saw them: the
 * clash that made the account a conflict names its holder (a failure, or a run's record).
 * Keyed "<account id>:<userid>".
 */
async function dingTalkUserNames(db: Db, localIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (localIds.length === 0) return out;
  const where = { objectType: "user", localId: { in: localIds }, reason: { contains: '"name"' } };
  const [failures, records] = await Promise.all([
    db.syncFailure.findMany({ where, select: { localId: true, reason: true } }),
    db.syncRecord.findMany({
      where,
      select: { localId: true, reason: true },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
  ]);
  for (const { localId, reason } of [...failures, ...records]) {
    const params = readReason(reason)?.params as { userid?: unknown; name?: unknown } | undefined;
    const userid = str(params?.userid);
    const name = str(params?.name);
    if (localId && userid && name && !out.has(`${localId}:${userid}`)) out.set(`${localId}:${userid}`, name);
  }
  return out;
}
