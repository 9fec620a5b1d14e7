// The scoping filter (issue 15): an expression of the mapping language over idpUser that decides
// whether an account of the source organizations is in scope. Checked like a rule's expression
// (the editor, the save action and the sync agree), and true only when it evaluates to true.
import { ExpressionError, type CompiledExpression, type FieldCatalog, type Scope } from "@/lib/expression";
import { checkRuleSource, type RuleProblem } from "./check";

export const SCOPE_FILTER_MAX_LENGTH = 2_000;

export type ScopeFilterProblem = RuleProblem | { index: 0; field: "source"; code: "scopeFilterUserOnly" };

/** The compiled filter, or its problem as plain data (the expression's error and range, or reading something other than idpUser). */
export function checkScopeFilter(
  source: string,
  catalog: FieldCatalog,
): { compiled: CompiledExpression; problem?: undefined } | { problem: ScopeFilterProblem } {
  const checked = checkRuleSource({ kind: "expression", source, objectType: "user" }, catalog);
  if (checked.problem) return { problem: checked.problem };
  const compiled = checked.compiled as CompiledExpression;
  if (compiled.fields.some((f) => f !== "idpUser" && !f.startsWith("idpUser.")))
    return { problem: { index: 0, field: "source", code: "scopeFilterUserOnly" } };
  return { compiled };
}

export type ScopeVerdict = { inScope: boolean } | { error: { code: string; start: number; end: number } };

/** In scope only when the filter is true for the account; an evaluation error is reported, never taken as "out". */
export function scopeVerdict(filter: CompiledExpression, idpUser: NonNullable<Scope["idpUser"]>): ScopeVerdict {
  try {
    return { inScope: filter.evaluate({ idpUser }) === true };
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    return { error: { code: err.code, start: err.start, end: err.end } };
  }
}
