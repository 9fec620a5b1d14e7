import { NextResponse } from "next/server";
import { getCurrentAdmin } from "@/lib/server/auth";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { loadCustomFieldDefinitions } from "@/lib/server/directory/accounts";
import { accountsCsvTemplate, exportAccountsCsv, exportOusCsv, ousCsvTemplate } from "@/lib/server/directory/export";

const FILES = {
  "accounts.csv": exportAccountsCsv,
  "organizations.csv": exportOusCsv,
  "accounts-template.csv": async () => accountsCsvTemplate((await loadCustomFieldDefinitions(db)).map((d) => d.id)),
  "organizations-template.csv": async () => ousCsvTemplate(),
} as const;

// Downloads of the directory as CSV, and the import templates.
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const admin = await getCurrentAdmin();
  if (!admin) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const { file } = await params;
  if (!(file in FILES)) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const csv = await FILES[file as keyof typeof FILES](db);
  if (!file.includes("template")) await writeAudit(db, { actor: admin, action: "directory.export", details: { file } });
  return new NextResponse(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file}"`,
      "Cache-Control": "no-store",
    },
  });
}
