import { randomUUID } from "node:crypto";
import { ZOuNameSchema } from "@/lib/schemas/organization";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";
import { MAX_IMPORT_ROWS, OU_COLUMNS, parseCsv, type CsvIssue } from "./csv-format";
import { emitOutbox } from "./outbox";
import { loadOuPaths, normalizePath, PATH_SEPARATOR } from "./ou-paths";

export type OuImportPreview = { total: number; valid: number; creates: number; updates: number; issues: CsvIssue[] };
type OuRow = {
  line: number;
  path: string;
  name: string;
  parentPath: string | null;
  externalId: string | null;
  description: string | null;
  order: number | null;
};

export async function validateOusCsv(
  db: Db,
  text: string,
): Promise<{ rows: OuRow[]; preview: OuImportPreview; idByPath: Map<string, string> }> {
  const { header, rows, issues } = parseCsv(text);
  if (!header.includes("path")) issues.push({ row: 1, column: "", message: "csv.missingColumns", value: "path" });
  if (rows.length > MAX_IMPORT_ROWS)
    issues.push({ row: 1, column: "", message: "csv.tooManyRows", value: String(MAX_IMPORT_ROWS) });
  for (const column of header)
    if (!(OU_COLUMNS as readonly string[]).includes(column))
      issues.push({ row: 1, column, message: "csv.unknownColumn" });
  const { idByPath } = await loadOuPaths(db);
  if (issues.some((i) => i.row === 1))
    return { rows: [], idByPath, preview: { total: rows.length, valid: 0, creates: 0, updates: 0, issues } };

  const inFile = new Map<string, number>();
  const valid: OuRow[] = [];
  for (const { line, values } of rows) {
    const path = normalizePath(values.path ?? "");
    const parts = path.split(PATH_SEPARATOR).filter(Boolean);
    const name = parts.at(-1) ?? "";
    const parentPath = parts.length > 1 ? parts.slice(0, -1).join(PATH_SEPARATOR) : null;
    const rowIssues: CsvIssue[] = [];
    const nameCheck = ZOuNameSchema.safeParse(name);
    if (!nameCheck.success)
      rowIssues.push({ row: line, column: "path", message: nameCheck.error.issues[0].message, value: values.path });
    if (inFile.has(path))
      rowIssues.push({ row: line, column: "path", message: "csv.duplicateInFile", value: String(inFile.get(path)) });
    // Parents come from the directory or from an earlier row of the file.
    if (parentPath && !idByPath.has(parentPath) && !inFile.has(parentPath))
      rowIssues.push({ row: line, column: "path", message: "csv.unknownParent", value: parentPath });
    const order = values.order ? Number(values.order) : null;
    if (order !== null && !Number.isInteger(order))
      rowIssues.push({ row: line, column: "order", message: "validation.number", value: values.order });
    if ((values.externalId ?? "").length > 128)
      rowIssues.push({ row: line, column: "externalId", message: "validation.tooLong" });
    if ((values.description ?? "").length > 2000)
      rowIssues.push({ row: line, column: "description", message: "validation.tooLong" });
    if (rowIssues.length) {
      issues.push(...rowIssues);
      continue;
    }
    inFile.set(path, line);
    valid.push({
      line,
      path,
      name,
      parentPath,
      externalId: values.externalId || null,
      description: values.description || null,
      order,
    });
  }
  const updates = valid.filter((r) => idByPath.has(r.path)).length;
  return {
    rows: valid,
    idByPath,
    preview: { total: rows.length, valid: valid.length, creates: valid.length - updates, updates, issues },
  };
}

/** Creates missing OUs top-down and updates known ones, in one transaction. */
export async function importOusCsv({ db, actor, text }: { db: Db; actor: AuditActor; text: string }) {
  const { rows, idByPath, preview } = await validateOusCsv(db, text);
  const ids = new Map(idByPath);
  let created = 0;
  let updated = 0;
  await db.$transaction(
    async (tx) => {
      const events: { objectType: "organization"; objectId: string; operation: "create" | "update" }[] = [];
      for (const row of rows) {
        const existingId = ids.get(row.path);
        const fields = {
          externalId: row.externalId,
          description: row.description,
          ...(row.order !== null ? { order: row.order } : {}),
        };
        if (existingId) {
          await tx.organizationalUnit.update({ where: { id: existingId }, data: fields });
          events.push({ objectType: "organization", objectId: existingId, operation: "update" });
          updated++;
          continue;
        }
        const id = randomUUID();
        const parentId = row.parentPath ? ids.get(row.parentPath)! : null;
        await tx.organizationalUnit.create({
          data: {
            id,
            name: row.name,
            parentId,
            order: row.order ?? (row.line - 1) * 10,
            externalId: row.externalId,
            description: row.description,
          },
        });
        ids.set(row.path, id);
        events.push({ objectType: "organization", objectId: id, operation: "create" });
        created++;
      }
      await emitOutbox(tx, events);
      await writeAudit(tx, {
        actor,
        action: "ou.import",
        targetType: "ou",
        details: { created, updated, skipped: preview.total - preview.valid },
      });
    },
    { timeout: 120_000 },
  );
  return { ...preview, created, updated };
}
