// A mapping rule's problem (lib/mapping's check) as a message, and back from an action's field errors.
import type { RuleProblem, RuleProblemField } from "@/lib/mapping/check";
import type { ScopeFilterProblem } from "@/lib/mapping/scope-filter";
import type { FieldErrors, Message } from "./codes";

export function ruleProblemMessage(problem: RuleProblem): Message {
  if (problem.code === "expression") {
    const { params: expression, start, end } = problem;
    return { code: "mappingErrors.expression", params: { expression, start, end } };
  }
  return { code: `mappingErrors.${problem.code}`, params: problem.params } as Message;
}

/** The scoping filter's problem as a message (the editor and the save action's field error `scopeFilter`). */
export function scopeFilterMessage(problem: ScopeFilterProblem): Message {
  if (problem.code === "scopeFilterUserOnly") return { code: "mappingErrors.scopeFilterUserOnly" };
  return ruleProblemMessage(problem);
}

/** Field errors keyed `rules.<index>.<field>`, as the save action refuses a rule set. */
export function ruleFieldErrors(problems: readonly RuleProblem[]): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const p of problems) (fieldErrors[`rules.${p.index}.${p.field}`] ??= []).push(ruleProblemMessage(p));
  return fieldErrors;
}

export type RuleMessage = { index: number; field: RuleProblemField; message: Message };

/** The per-rule messages of a refused save (a rule set the server's check refused), in rule order. */
export function ruleMessages(fieldErrors: FieldErrors | undefined): RuleMessage[] {
  return Object.entries(fieldErrors ?? {})
    .flatMap(([key, messages]) => {
      const [, index, field] = /^rules\.(\d+)\.(\w+)$/.exec(key) ?? [];
      return index
        ? messages.map((message) => ({ index: Number(index), field: field as RuleProblemField, message }))
        : [];
    })
    .sort((a, b) => a.index - b.index);
}
