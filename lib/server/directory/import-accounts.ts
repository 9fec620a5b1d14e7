import { randomUUID } from "node:crypto";
import { ZAccountSchema, type TAccount } from "@/lib/schemas/account";
import { validateCustomFieldValues } from "@/lib/schemas/custom-field";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import {
  accountRowFingerprint,
  buildAccountRow,
  type AccountRow,
  cleanCustomFields,
  storedAccountRow,
} from "./account-row";
import { loadCustomFieldDefinitions } from "./accounts";
import { ACCOUNT_COLUMNS, CUSTOM_COLUMN_PREFIX, MAX_IMPORT_ROWS, parseCsv, type CsvIssue } from "./csv-format";
import { slices } from "../sync/slices";
import { emitOutbox } from "./outbox";
import { loadOuPaths, normalizePath } from "./ou-paths";

export type AccountImportPreview = {
  total: number;
  valid: number;
  creates: number;
  updates: number;
  issues: CsvIssue[];
};
type ValidRow = { line: number; account: TAccount };
type RowToWrite = { id: string; row: AccountRow };

const FIELD_COLUMN: Record<string, string> = { ouIds: "organizations", primaryOuId: "primaryOrganization" };

/**
 * The ids of the accounts the file names, by username (the same trim as ZAccountSchema):
 * only those, in slices, not every account of the directory (100,000 rows read for a
 * 10,000-row file cost seconds on PostgreSQL).
 */
async function existingAccounts(db: Db, usernames: string[]): Promise<Map<string, string>> {
  const existing = new Map<string, string>();
  for (const slice of slices([...new Set(usernames)]))
    for (const a of await db.account.findMany({
      where: { username: { in: slice } },
      select: { id: true, username: true },
    }))
      existing.set(a.username, a.id);
  return existing;
}

/** Validates every row; nothing is written. */
export async function validateAccountsCsv(
  db: Db,
  text: string,
): Promise<{ rows: ValidRow[]; preview: AccountImportPreview; existing: Map<string, string> }> {
  const { header, rows, issues } = parseCsv(text);
  if (!header.includes("username") || !header.includes("displayName"))
    issues.push({ row: 1, column: "", message: "csv.missingColumns", value: "username, displayName" });
  if (rows.length > MAX_IMPORT_ROWS)
    issues.push({ row: 1, column: "", message: "csv.tooManyRows", value: String(MAX_IMPORT_ROWS) });
  for (const column of header) {
    if (!(ACCOUNT_COLUMNS as readonly string[]).includes(column) && !column.startsWith(CUSTOM_COLUMN_PREFIX))
      issues.push({ row: 1, column, message: "csv.unknownColumn" });
  }
  if (issues.some((i) => i.row === 1))
    return { rows: [], preview: { total: rows.length, valid: 0, creates: 0, updates: 0, issues }, existing: new Map() };

  const [paths, defs, existing] = await Promise.all([
    loadOuPaths(db),
    loadCustomFieldDefinitions(db),
    existingAccounts(db, rows.map((r) => (r.values.username ?? "").trim()).filter(Boolean)),
  ]);
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
      else
        rowIssues.push({
          row: line,
          column: p === primaryPath ? "primaryOrganization" : "organizations",
          message: "csv.unknownOrganization",
          value: p,
        });
    }
    const customFields = Object.fromEntries(
      Object.entries(values)
        .filter(([k]) => k.startsWith(CUSTOM_COLUMN_PREFIX))
        .map(([k, v]) => [k.slice(CUSTOM_COLUMN_PREFIX.length), v]),
    );
    const parsed = ZAccountSchema.safeParse({
      ...values,
      status: values.status || undefined,
      phoneRegion: values.phoneRegion || undefined,
      ouIds,
      primaryOuId: primaryPath ? (paths.idByPath.get(primaryPath) ?? null) : null,
      customFields,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (field === "primaryOuId" && rowIssues.length > 0) continue;
        const column =
          field === "customFields" ? `${CUSTOM_COLUMN_PREFIX}${String(issue.path[1])}` : (FIELD_COLUMN[field] ?? field);
        rowIssues.push({
          row: line,
          column,
          message: issue.message.startsWith("validation.") ? issue.message : "validation.invalid",
          value: values[column],
        });
      }
    } else {
      const customIssues = validateCustomFieldValues(defs, cleanCustomFields(parsed.data.customFields));
      for (const [field, message] of Object.entries(customIssues)) {
        rowIssues.push({
          row: line,
          column: `${CUSTOM_COLUMN_PREFIX}${field}`,
          message,
          value: parsed.data.customFields[field],
        });
      }
      const firstLine = seen.get(parsed.data.username);
      if (firstLine)
        rowIssues.push({ row: line, column: "username", message: "csv.duplicateInFile", value: String(firstLine) });
      else seen.set(parsed.data.username, line);
    }
    if (rowIssues.length > 0) issues.push(...rowIssues);
    else if (parsed.success) valid.push({ line, account: parsed.data });
  }
  const updates = valid.filter((r) => existing.has(r.account.username)).length;
  return {
    rows: valid,
    existing,
    preview: { total: rows.length, valid: valid.length, creates: valid.length - updates, updates, issues },
  };
}

/** Imports the valid rows in one transaction: create new usernames, update known ones. */
export type AccountImportResult = AccountImportPreview & { created: number; updated: number; unchanged: number };

export async function importAccountsCsv({
  db,
  actor,
  text,
}: {
  db: Db;
  actor: AuditActor;
  text: string;
}): Promise<AccountImportResult> {
  const { rows, existing, preview } = await validateAccountsCsv(db, text);
  const built = rows.map((r) => ({ id: existing.get(r.account.username), row: buildAccountRow(r.account) }));
  const creates = built.filter((r) => r.id === undefined).map((r): RowToWrite => ({ id: randomUUID(), row: r.row }));
  const candidates = built.flatMap(({ id, row }): RowToWrite[] => (id === undefined ? [] : [{ id, row }]));
  // Rows equal to what is stored are not changes: no write, no event.
  const current = new Map(
    (
      await db.account.findMany({ where: { id: { in: candidates.map((c) => c.id) } }, include: { memberships: true } })
    ).map((a) => [a.id, a]),
  );
  const isChanged = (c: RowToWrite) =>
    accountRowFingerprint(storedAccountRow(current.get(c.id)!)) !== accountRowFingerprint(c.row);
  const updates = candidates.filter(isChanged);
  const membershipsOf = ({ id, row }: RowToWrite) => row.memberships.map((m) => ({ accountId: id, ...m }));
  await db.$transaction(
    async (tx) => {
      await tx.account.createMany({ data: creates.map((c) => ({ id: c.id, ...c.row.data })) });
      for (const u of updates) await tx.account.update({ where: { id: u.id }, data: u.row.data });
      await tx.membership.deleteMany({ where: { accountId: { in: updates.map((u) => u.id) } } });
      await tx.membership.createMany({ data: [...creates, ...updates].flatMap(membershipsOf) });
      await emitOutbox(tx, [
        ...creates.map((c) => ({ objectType: "user" as const, objectId: c.id, operation: "create" as const })),
        ...updates.map((u) => ({ objectType: "user" as const, objectId: u.id, operation: "update" as const })),
      ]);
      await writeAudit(tx, {
        actor,
        action: "account.import",
        targetType: "account",
        details: { created: creates.length, updated: updates.length, skipped: preview.total - preview.valid },
      });
    },
    { timeout: 120_000 },
  );
  return {
    ...preview,
    created: creates.length,
    updated: updates.length,
    unchanged: candidates.length - updates.length,
  };
}
