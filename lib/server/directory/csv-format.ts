import Papa from "papaparse";

export const ACCOUNT_COLUMNS = [
  "username", "displayName", "email", "phoneRegion", "phoneNumber", "employeeNumber", "jobTitle",
  "externalId", "status", "description", "primaryOrganization", "organizations",
] as const;
export const CUSTOM_COLUMN_PREFIX = "custom.";
export const OU_COLUMNS = ["path", "externalId", "description", "order"] as const;
export const MAX_IMPORT_ROWS = 20_000;

export type CsvRow = { line: number; values: Record<string, string> };
export type CsvIssue = { row: number; column: string; message: string; value?: string };

/** Parses CSV text with a header row; `line` is the 1-based line in the file. */
export function parseCsv(text: string): { header: string[]; rows: CsvRow[]; issues: CsvIssue[] } {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: "greedy", transformHeader: (h) => h.trim() });
  const issues: CsvIssue[] = result.errors.map((e) => ({ row: (e.row ?? 0) + 2, column: "", message: "csv.malformed", value: e.message }));
  const rows = result.data.map((values, i) => ({ line: i + 2, values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v.trim() : ""])) }));
  return { header: result.meta.fields ?? [], rows, issues };
}

export function toCsv(columns: string[], rows: Record<string, string | number | null | undefined>[]): string {
  // The BOM makes Excel open UTF-8 (Chinese, Japanese) correctly.
  return "\uFEFF" + Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? "")) }, { newline: "\r\n" });
}
