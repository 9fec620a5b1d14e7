// Stored mapping rules and the catalogue they are checked against (no sync imports: the sync loads rules through here).
import type { FieldCatalog } from "@/lib/expression";
import { mappingFieldCatalog, type MappingRule } from "@/lib/mapping";
import type { FieldMappingRule } from "@/lib/generated/prisma/client";
import type { Db } from "../prisma-client";

/** A stored rule as the one MappingRule type (the columns hold only values the save action let in). */
export function toMappingRule(row: FieldMappingRule): MappingRule {
  return {
    objectType: row.objectType as MappingRule["objectType"],
    targetField: row.targetField,
    targetDisplayName: row.targetDisplayName,
    kind: row.kind as MappingRule["kind"],
    source: row.source,
    isMappingIdentifier: row.isMappingIdentifier,
    isCustom: row.isCustom,
    ...(row.applyOn === "create" && { applyOn: "create" as const }),
  };
}

export async function customFieldIds(db: Db): Promise<string[]> {
  const rows = await db.customFieldDefinition.findMany({ select: { id: true }, orderBy: { position: "asc" } });
  return rows.map((d) => d.id);
}

/** The fields an expression may read in this console: the standard ones and today's custom fields. */
export async function mappingCatalog(db: Db): Promise<FieldCatalog> {
  return mappingFieldCatalog(await customFieldIds(db));
}
