import type { ErrorParams, ErrorReason, ExpressionError } from "../errors";
import type { ExpressionLocale } from "../functions/types";
import { en } from "./en";
import { ja } from "./ja";
import type { MessageTable } from "./types";
import { zhCN } from "./zh-CN";

const tables: Record<ExpressionLocale, MessageTable> = { en, "zh-CN": zhCN, ja };

// Generic over the reason so TypeScript sees the table entry and the params match.
function render<R extends ErrorReason>(table: MessageTable, params: ErrorParams<R>): string {
  const message: (p: ErrorParams<R>) => string = table[params.reason];
  return message(params);
}

export function englishMessage(params: ErrorParams): string {
  return render(en, params);
}

/** The error in words for a person, in the UI's locale (unknown locales fall back to English). */
export function formatExpressionError(error: ExpressionError, locale: ExpressionLocale): string {
  return render(Object.hasOwn(tables, locale) ? tables[locale] : en, error.params);
}
