import { randomUUID } from "node:crypto";
import { ZAccountSchema, type TAccount } from "@/lib/schemas/account";
import { validateCustomFieldValues } from "@/lib/schemas/custom-field";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { loadCustomFieldDefinitions } from "./accounts";
import { ACCOUNT_COLUMNS, CUSTOM_COLUMN_PREFIX, MAX_IMPORT_ROWS, parseCsv, type CsvIssue } from "./csv-format";
import { emitOutbox } from "./outbox";
import { loadOuPaths, normalizePath } from "./ou-paths";

export type AccountImportPreview = { total: number; valid: number; creates: number; updates: number; issues: CsvIssue[] };
type ValidRow = { line: number; account: TAccount };

const FIELD_COLUMN: Record<string, string> = { ouIds: "organizations", primaryOuId: "primaryOrganization" };

/** Validates every row; nothing is written. */
export async function validateAccountsCsv(db: Db, text: string): Promise<{ rows: ValidRow[]; preview: AccountImportPreview; existing: Map<string, string> }> {
  const { header, rows, issues } = parseCsv(text);
  if (!header.includes("username") || !header.includes("displayName")) issues.push({ row: 1, column: "", message: "csv.missingColumns", value: "username, displayName" });
  if (rows.length > MAX_IMPORT_ROWS) issues.push({ row: 1, column: "", message: "csv.tooManyRows", value: String(MAX_IMPORT_ROWS) });
  for (const column of header) {
    if (!(ACCOUNT_COLUMNS as readonly string[]).includes(column) && !column.startsWith(CUSTOM_COLUMN_PREFIX)) issues.push({ row: 1, column, message: "csv.unknownColumn" });
  }
  if (issues.some((i) => i.row === 1)) return { rows: [], preview: { total: rows.length, valid: 0, creates: 0, updates: 0, issues }, existing: new Map() };

  const [paths, defs, existingRows] = await Promise.all([loadOuPaths(db), loadCustomFieldDefinitions(db), db.account.findMany({ select: { id: true, username: true } })]);
  const existing = new Map(existingRows.map((a) => [a.username, a.id]));
  const seen = new Map<string, number>();
  const valid: ValidRow[] = [];
  for (const { line, values } of rows) {
    const rowIssues: CsvIssue[] = [];
    const ouPaths = (values.organizations ?? "").split(";").map(normalizePath).filter(Boolean);
    const primaryPath = normalizePath(values.primaryOrganization ?? "") || ouPaths[0] || "";
    if (primaryPath && !ouPaths.includes(primaryPath)) ouPaths.unshift(primaryPath);
    const ouIds: string[] = [];
    for (const p of ouPaths) {
      const id = paths.idByPath.get(p);
      if (id) ouIds.push(id);
      else rowIssues.push({ row: line, column: p === primaryPath ? "primaryOrganization" : "organizations", message: "csv.unknownOrganization", value: p });
    }
    const customFields = Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith(CUSTOM_COLUMN_PREFIX)).map(([k, v]) => [k.slice(CUSTOM_COLUMN_PREFIX.length), v]));
    const parsed = ZAccountSchema.safeParse({ ...values, status: values.status || undefined, phoneRegion: values.phoneRegion || undefined, ouIds, primaryOuId: primaryPath ? paths.idByPath.get(primaryPath) ?? null : null, customFields });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (field === "primaryOuId" && rowIssues.length > 0) continue;
        const column = field === "customFields" ? `${CUSTOM_COLUMN_PREFIX}${String(issue.path[1])}` : FIELD_COLUMN[field] ?? field;
        rowIssues.push({ row: line, column, message: issue.message.startsWith("validation.") ? issue.message : "validation.invalid", value: values[column] });
      }
    } else {
      for (const [field, message] of Object.entries(validateCustomFieldValues(defs, parsed.data.customFields))) {
        rowIssues.push({ row: line, column: `${CUSTOM_COLUMN_PREFIX}${field}`, message, value: parsed.data.customFields[field] });
      }
      const firstLine = seen.get(parsed.data.username);
      if (firstLine) rowIssues.push({ row: line, column: "username", message: "csv.duplicateInFile", value: String(firstLine) });
      else seen.set(parsed.data.username, line);
    }
    if (rowIssues.length > 0) issues.push(...rowIssues);
    else if (parsed.success) valid.push({ line, account: parsed.data });
  }
  const updates = valid.filter((r) => existing.has(r.account.username)).length;
  return { rows: valid, existing, preview: { total: rows.length, valid: valid.length, creates: valid.length - updates, updates, issues } };
}

function data(a: TAccount) {
  return {
    username: a.username, displayName: a.displayName, email: a.email, phoneNumber: a.phoneNumber, phoneRegion: a.phoneNumber ? a.phoneRegion : null,
    employeeNumber: a.employeeNumber, jobTitle: a.jobTitle, externalId: a.externalId, status: a.status, description: a.description,
    customFields: JSON.stringify(Object.fromEntries(Object.entries(a.customFields).filter(([, v]) => v !== ""))),
  };
}

/** Imports the valid rows in one transaction: create new usernames, update known ones. */
export type AccountImportResult = AccountImportPreview & { created: number; updated: number; unchanged: number };

export async function importAccountsCsv({ db, actor, text }: { db: Db; actor: AuditActor; text: string }): Promise<AccountImportResult> {
  const { rows, existing, preview } = await validateAccountsCsv(db, text);
  const creates = rows.filter((r) => !existing.has(r.account.username)).map((r) => ({ id: randomUUID(), ...r }));
  const membershipsOf = (id: string, a: TAccount) => [...new Set(a.ouIds)].map((ouId) => ({ accountId: id, ouId, isPrimary: ouId === a.primaryOuId }));
  const candidates = rows.filter((r) => existing.has(r.account.username)).map((r) => ({ id: existing.get(r.account.username)!, ...r }));
  // Rows equal to what is stored are not changes: no write, no event.
  const current = new Map(
    (await db.account.findMany({ where: { id: { in: candidates.map((c) => c.id) } }, include: { memberships: true } })).map((a) => [a.id, a]),
  );
  const fingerprint = (d: ReturnType<typeof data>, m: { ouId: string; isPrimary: boolean }[]) =>
    JSON.stringify([d, m.map((x) => `${x.ouId}:${x.isPrimary}`).sort()]);
  const updates = candidates.filter((c) => {
    const stored = current.get(c.id)!;
    const storedData = data({ ...stored, customFields: JSON.parse(stored.customFields) as Record<string, string>, status: stored.status as TAccount["status"], phoneRegion: stored.phoneRegion ?? "86", ouIds: [], primaryOuId: null });
    return fingerprint(storedData, stored.memberships) !== fingerprint(data(c.account), membershipsOf(c.id, c.account));
  });
  await db.$transaction(
    async (tx) => {
      await tx.account.createMany({ data: creates.map((c) => ({ id: c.id, ...data(c.account) })) });
      for (const u of updates) await tx.account.update({ where: { id: u.id }, data: data(u.account) });
      await tx.membership.deleteMany({ where: { accountId: { in: updates.map((u) => u.id) } } });
      await tx.membership.createMany({ data: [...creates, ...updates].flatMap((r) => membershipsOf(r.id, r.account)) });
      await emitOutbox(tx, [
        ...creates.map((c) => ({ objectType: "user" as const, objectId: c.id, operation: "create" as const })),
        ...updates.map((u) => ({ objectType: "user" as const, objectId: u.id, operation: "update" as const })),
      ]);
      await writeAudit(tx, { actor, action: "account.import", targetType: "account", details: { created: creates.length, updated: updates.length, skipped: preview.total - preview.valid } });
    },
    { timeout: 120_000 },
  );
  return { ...preview, created: creates.length, updated: updates.length, unchanged: candidates.length - updates.length };
}
