"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { importAccountsCsv, validateAccountsCsv } from "@/lib/server/directory/import-accounts";
import { importOusCsv, validateOusCsv } from "@/lib/server/directory/import-ous";

const ZCsvSchema = z.object({ kind: z.enum(["accounts", "organizations"]), text: z.string().min(1).max(8_000_000) });

// Validates every row of an uploaded CSV and writes nothing.
export const previewCsvAction = adminAction(ZCsvSchema, async ({ kind, text }) =>
  kind === "accounts" ? (await validateAccountsCsv(db, text)).preview : (await validateOusCsv(db, text)).preview,
);

// Imports the valid rows of an uploaded CSV in one transaction.
export const importCsvAction = adminAction(ZCsvSchema, async ({ kind, text }, admin) => {
  const result =
    kind === "accounts"
      ? await importAccountsCsv({ db, actor: admin, text })
      : await importOusCsv({ db, actor: admin, text });
  revalidatePath("/directory/accounts");
  revalidatePath("/directory/organizations");
  return { created: result.created, updated: result.updated, skipped: result.total - result.valid };
});
