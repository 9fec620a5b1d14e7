import {
  evaluate,
  ExpressionError,
  formatExpressionError,
  toFieldValue,
  type ExpressionLocale,
  type FieldCatalog,
} from "@/lib/expression";
import type { MappingRule } from "@/lib/mapping";
import type { Message } from "@/lib/messages";
import { writtenValue } from "@/lib/sync/fields";

export type PreviewValue =
  | { kind: "value"; text: string; note?: Message }
  | { kind: "refused"; note: Message }
  | { kind: "empty" }
  | { kind: "error"; message: string }
  | { kind: "none" };

function phoneRegionOf(idpUser: object | undefined): string | null {
  const region = idpUser && Object.hasOwn(idpUser, "phoneRegion") && (idpUser as { phoneRegion: unknown }).phoneRegion;
  return typeof region === "string" ? region : null;
}

/**
 * The value a rule writes to DingTalk for the sample, computed in the browser on every keystroke:
 * a user field goes through the sync's own writtenValue (mobile form, length cut or refused).
 */
export function previewRule(
  rule: MappingRule,
  scope: { idpUser?: object; idpOrganizationalUnit?: object },
  catalog: FieldCatalog,
  locale: ExpressionLocale,
): PreviewValue {
  const sample = rule.objectType === "user" ? scope.idpUser : scope.idpOrganizationalUnit;
  if (!sample || rule.kind === "disabled" || !rule.source.trim()) return { kind: "none" };
  let value: string | null;
  try {
    value = toFieldValue(evaluate(rule.source.trim(), scope, { fields: catalog }));
  } catch (err) {
    if (err instanceof ExpressionError) return { kind: "error", message: formatExpressionError(err, locale) };
    throw err;
  }
  if (rule.objectType !== "user") {
    const text = value?.trim() ?? "";
    return text === "" ? { kind: "empty" } : { kind: "value", text };
  }
  const written = writtenValue(rule.targetField, value, phoneRegionOf(scope.idpUser));
  if (written.error?.code === "too_long" && written.error.params)
    return { kind: "refused", note: { code: "mappingPreview.too_long", params: written.error.params } };
  if (written.error) return { kind: "refused", note: { code: "mappingPreview.required" } };
  if (written.value === null) return { kind: "empty" };
  if (written.warning?.code === "cut" && written.warning.params)
    return { kind: "value", text: written.value, note: { code: "mappingPreview.cut", params: written.warning.params } };
  return { kind: "value", text: written.value };
}
