import {
  evaluate,
  ExpressionError,
  formatExpressionError,
  toFieldValue,
  type ExpressionLocale,
  type FieldCatalog,
} from "@/lib/expression";
import type { MappingRule } from "@/lib/mapping";

export type PreviewValue =
  { kind: "value"; text: string } | { kind: "empty" } | { kind: "error"; message: string } | { kind: "none" };

/** The value a rule produces for the sample, computed in the browser on every keystroke. */
export function previewRule(
  rule: MappingRule,
  scope: { idpUser?: object; idpOrganizationalUnit?: object },
  catalog: FieldCatalog,
  locale: ExpressionLocale,
): PreviewValue {
  const sample = rule.objectType === "user" ? scope.idpUser : scope.idpOrganizationalUnit;
  if (!sample || rule.kind === "disabled" || !rule.source.trim()) return { kind: "none" };
  try {
    const text = toFieldValue(evaluate(rule.source.trim(), scope, { fields: catalog }));
    return text === null || text === "" ? { kind: "empty" } : { kind: "value", text };
  } catch (err) {
    if (err instanceof ExpressionError) return { kind: "error", message: formatExpressionError(err, locale) };
    throw err;
  }
}
