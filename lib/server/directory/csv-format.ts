import Papa from "papaparse";
import type { CsvIssue } from "@/lib/views/directory";

export const ACCOUNT_COLUMNS = [
  "username",
  "displayName",
  "email",
  "phoneRegion",
  "phoneNumber",
  "employeeNumber",
  "jobTitle",
  "externalId",
  "status",
  "description",
  "primaryOrganization",
  "organizations",
] as const;
export const CUSTOM_COLUMN_PREFIX = "custom.";
export const OU_COLUMNS = ["path", "externalId", "description", "order"] as const;
export const MAX_IMPORT_ROWS = 20_000;

export type CsvRow = { line: number; values: Record<string, string> };
export type { CsvIssue } from "@/lib/views/directory";

/*
 * Formula injection (CWE-1236): Excel, LibreOffice and Sheets run a cell that starts with
 * = + - @ tab or CR as a formula. The exporter writes such a value with a leading ' (papaparse's
 * `escapeFormulae`, given our own pattern) and the importer strips it again. For the round trip to
 * be exact, a value that already starts with ' followed by one of those characters ('=x) is
 * escaped too, and the importer strips exactly one ' from a cell that starts with one or more '
 * followed by one of them:
 *   export: /^'*[=+\-@\t\r]/  ->  "'" + value
 *   import: /^'+[=+\-@\t\r]/  ->  the cell without its first ', not trimmed (it is what we wrote)
 * Every escaped cell matches the import pattern, and every value that matches the import pattern
 * matches the export pattern (so it was escaped): no value is ever stripped that was not escaped.
 * Other cells are trimmed as before. Numbers (an OU's order of -5) are written as numbers, which a
 * spreadsheet reads as numbers, not formulas.
 */
const FORMULA_ON_EXPORT = /^'*[=+\-@\t\r]/;
const FORMULA_ON_IMPORT = /^'+[=+\-@\t\r]/;

/** One cell as imported: the exporter's formula escape undone (see above), else trimmed. */
export function importedCell(raw: string): string {
  return FORMULA_ON_IMPORT.test(raw) ? raw.slice(1) : raw.trim();
}

/** Parses CSV text with a header row; `line` is the 1-based line in the file. */
export function parseCsv(text: string): { header: string[]; rows: CsvRow[]; issues: CsvIssue[] } {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: importedCell,
  });
  const issues: CsvIssue[] = result.errors.map((e) => ({
    row: (e.row ?? 0) + 2,
    column: "",
    message: "csv.malformed",
    value: e.message,
  }));
  const rows = result.data.map((values, i) => ({
    line: i + 2,
    values: Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? importedCell(v) : ""]),
    ),
  }));
  return { header: result.meta.fields ?? [], rows, issues };
}

export function toCsv(columns: string[], rows: Record<string, string | number | null | undefined>[]): string {
  // The BOM makes Excel open UTF-8 (Chinese, Japanese) correctly.
  return (
    "\uFEFF" +
    Papa.unparse(
      { fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? "")) },
      { newline: "\r\n", escapeFormulae: FORMULA_ON_EXPORT },
    )
  );
}
