import { formatExpressionError, type ExpressionLocale } from "@/lib/expression";
import { mappingFieldCatalog, validateMappingRules, type TMappingRule } from "@/lib/schemas/mapping";
import { AppError } from "../app-error";
import { writeAudit, type AuditActor } from "../audit";
import type { Db } from "../prisma-client";

export async function customFieldIds(db: Db): Promise<string[]> {
  return (await db.customFieldDefinition.findMany({ select: { id: true }, orderBy: { position: "asc" } })).map((d) => d.id);
}

/** Re-checks every rule as the editor did; refuses the set with per-rule messages. */
export async function checkRulesOnServer(db: Db, rules: TMappingRule[], locale: string): Promise<void> {
  const problems = validateMappingRules(rules, mappingFieldCatalog(await customFieldIds(db)));
  if (problems.length === 0) return;
  const fieldErrors: Record<string, string[]> = {};
  const lang = (["en", "zh-CN", "ja"].includes(locale) ? locale : "en") as ExpressionLocale;
  for (const p of problems) {
    const text = "expression" in p ? formatExpressionError(p.expression, lang) : p.key;
    (fieldErrors[`rules.${p.index}.${p.field}`] ??= []).push(text);
  }
  throw new AppError("invalid_rules", "mappingErrors.invalidRules", fieldErrors);
}

/** Replaces the IdP's rules in one transaction, audited with the before and after. */
export async function replaceRules({ db, actor, idpId, rules }: { db: Db; actor: AuditActor; idpId: string; rules: TMappingRule[] }) {
  await db.$transaction(async (tx) => {
    const before = await tx.fieldMappingRule.findMany({ where: { idpId }, orderBy: [{ objectType: "asc" }, { position: "asc" }] });
    await tx.fieldMappingRule.deleteMany({ where: { idpId } });
    await tx.fieldMappingRule.createMany({
      data: rules.map((r, position) => ({ ...r, source: r.kind === "disabled" ? r.source : r.source.trim(), idpId, position })),
    });
    await writeAudit(tx, {
      actor, action: "idp.mapping.update", targetType: "idp", targetId: idpId,
      details: {
        before: before.map((r) => ({ objectType: r.objectType, targetField: r.targetField, kind: r.kind, source: r.source, isMappingIdentifier: r.isMappingIdentifier })),
        after: rules.map((r) => ({ objectType: r.objectType, targetField: r.targetField, kind: r.kind, source: r.source, isMappingIdentifier: r.isMappingIdentifier })),
      },
    });
  });
}
