"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatExpressionError, type ExpressionLocale } from "@/lib/expression";
import { problemAsExpressionError, type RuleProblem } from "@/lib/mapping";

/** A mapping rule's problem in words: expression errors from their message tables, the others from the catalogue. */
export function useRuleProblemText(): (problem: RuleProblem) => string {
  const t = useTranslations("mappingErrors");
  const locale = useLocale() as ExpressionLocale;
  return (problem) =>
    problem.code === "expression"
      ? formatExpressionError(problemAsExpressionError(problem), locale)
      : t(problem.code, problem.params);
}
