// Compiling a rule set once per sync run, through the same check the editor and the save action use.
import type { CompiledExpression, FieldCatalog } from "@/lib/expression";
import { compile } from "@/lib/expression";
import { inspectRules, type RuleProblem } from "./check";
import { REQUIRED_USER_DEFAULTS, type MappingRule } from "./rule";

export type CompiledRule = { targetField: string; expression: CompiledExpression };

export type CompiledRules = {
  user: CompiledRule[];
  organization: CompiledRule[];
  /** The DingTalk field that matches unbound accounts to existing users. */
  identifierField: string;
  /** User fields written only when the console creates the user (MappingRule.applyOn "create"). */
  createOnly: ReadonlySet<string>;
};

/** A rule set that check() refuses; `problems` says which rule and why. */
export class MappingRulesError extends Error {
  readonly problems: RuleProblem[];

  constructor(problems: RuleProblem[]) {
    super(`mapping rules refused: ${problems.map((p) => `${p.index}:${p.code}`).join(", ")}`);
    this.name = "MappingRulesError";
    this.problems = problems;
  }
}

/**
 * Compiles every enabled rule against the catalogue the caller passes (the
 * console's custom fields included); throws MappingRulesError with check()'s
 * problems. DingTalk's required fields without a rule get REQUIRED_USER_DEFAULTS.
 */
export function compileRules(rules: readonly MappingRule[], catalog: FieldCatalog): CompiledRules {
  const { problems, compiled: expressions } = inspectRules(rules, catalog);
  if (problems.length > 0) throw new MappingRulesError(problems);
  const compiled = (objectType: MappingRule["objectType"]): CompiledRule[] =>
    rules.flatMap((rule, i) => {
      const expression = expressions[i];
      return rule.objectType === objectType && expression ? [{ targetField: rule.targetField, expression }] : [];
    });
  const user = compiled("user");
  for (const [field, source] of Object.entries(REQUIRED_USER_DEFAULTS)) {
    if (!user.some((r) => r.targetField === field)) user.push({ targetField: field, expression: compile(source) });
  }
  const identifier = rules.find((r) => r.objectType === "user" && r.isMappingIdentifier);
  // The identifier and userid are how a user is found and named: they are always written.
  const createOnly = new Set(
    rules
      .filter(
        (r) =>
          r.objectType === "user" &&
          r.kind !== "disabled" &&
          r.applyOn === "create" &&
          !r.isMappingIdentifier &&
          r.targetField !== "userid",
      )
      .map((r) => r.targetField),
  );
  return {
    user,
    organization: compiled("organization"),
    identifierField: identifier?.targetField ?? "userid",
    createOnly,
  };
}
