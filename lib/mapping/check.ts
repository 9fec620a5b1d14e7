// The only validator of mapping rules: the editor runs it on every keystroke,
// the save action re-runs it on the server, and compile() refuses what it refuses.
import {
  compile,
  ExpressionError,
  standardFields,
  type CompiledExpression,
  type ErrorParams,
  type FieldCatalog,
  type FieldTree,
} from "@/lib/expression";
import { DOCUMENT_FIELD_ALIASES } from "./aliases";
import { DINGTALK_DEPT_FIELDS, DINGTALK_USER_FIELDS } from "./fields";
import type { MappingRule } from "./rule";

/**
 * The fields an expression may read: the standard ones plus the console's custom fields,
 * with the IDaaS documents' names for them (only suggested in the unknown-field error).
 */
export function mappingFieldCatalog(customFieldIds: readonly string[]): FieldCatalog {
  const custom: FieldTree = Object.fromEntries(customFieldIds.map((id) => [id, true as const]));
  return {
    idpUser: { ...standardFields.idpUser, customFields: custom },
    idpOrganizationalUnit: standardFields.idpOrganizationalUnit,
    aliases: DOCUMENT_FIELD_ALIASES,
  };
}

/** Problems that are not expression errors, each with the params its words need. */
export type RuleProblemParams = {
  notUserField: { field: string };
  notDeptField: { field: string };
  fieldUsed: { field: string };
  labelRequired: Record<string, never>;
  fieldIdRequired: Record<string, never>;
  orgIdentifier: Record<string, never>;
  identifierDisabled: Record<string, never>;
  oneIdentifier: Record<string, never>;
  required: Record<string, never>;
  notAField: Record<string, never>;
  wrongRoot: Record<string, never>;
};
export type RuleProblemCode = keyof RuleProblemParams;

/** The part of a rule a problem is about (the editor puts the words under it). */
export type RuleProblemField = "targetField" | "targetDisplayName" | "source" | "isMappingIdentifier";

/**
 * A rule's problem as plain data (it crosses the server action boundary):
 * a code with its params, or an expression error's params and range.
 */
export type RuleProblem =
  | {
      [C in RuleProblemCode]: { index: number; field: RuleProblemField; code: C; params: RuleProblemParams[C] };
    }[RuleProblemCode]
  | { index: number; field: "source"; code: "expression"; params: ErrorParams; start: number; end: number };

const none = {} as Record<string, never>;
const allowedFields: Record<MappingRule["objectType"], readonly string[]> = {
  user: DINGTALK_USER_FIELDS,
  organization: DINGTALK_DEPT_FIELDS,
};

type SourceCheck = { compiled: CompiledExpression | null; problem?: undefined } | { problem: RuleProblem };

/** Checks one rule's source against the catalogue; the compiled expression when it is enabled and sound. */
export function checkRuleSource(
  rule: Pick<MappingRule, "kind" | "source" | "objectType">,
  catalog: FieldCatalog,
  index = 0,
): SourceCheck {
  if (rule.kind === "disabled") return { compiled: null };
  const source = rule.source.trim();
  if (!source) return { problem: { index, field: "source", code: "required", params: none } };
  let compiled: CompiledExpression;
  try {
    compiled = compile(source, { fields: catalog });
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    // The range in the rule's source as typed, leading white space included.
    const lead = rule.source.length - rule.source.trimStart().length;
    const [start, end] = [err.start + lead, err.end + lead];
    return { problem: { index, field: "source", code: "expression", params: err.params, start, end } };
  }
  if (rule.kind === "field") {
    const { ast } = compiled;
    if (ast.kind !== "path") return { problem: { index, field: "source", code: "notAField", params: none } };
    const root = rule.objectType === "user" ? "idpUser" : "idpOrganizationalUnit";
    if (ast.root !== root) return { problem: { index, field: "source", code: "wrongRoot", params: none } };
  }
  return { compiled };
}

/** Every problem of a rule set, in rule order; empty when the set can be saved and synced. */
export function checkRules(rules: readonly MappingRule[], catalog: FieldCatalog): RuleProblem[] {
  return inspectRules(rules, catalog).problems;
}

/** check() and each rule's compiled source (null when disabled or refused), so compile() compiles once. */
export function inspectRules(
  rules: readonly MappingRule[],
  catalog: FieldCatalog,
): { problems: RuleProblem[]; compiled: (CompiledExpression | null)[] } {
  const problems: RuleProblem[] = [];
  const compiled: (CompiledExpression | null)[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const key = `${rule.objectType}:${rule.targetField}`;
    const field = rule.targetField;
    if (!field.trim()) {
      problems.push({ index, field: "targetField", code: "fieldIdRequired", params: none });
    } else if (!allowedFields[rule.objectType].includes(field)) {
      const code = rule.objectType === "user" ? "notUserField" : "notDeptField";
      problems.push({ index, field: "targetField", code, params: { field } });
    } else if (seen.has(key)) {
      problems.push({ index, field: "targetField", code: "fieldUsed", params: { field } });
    }
    seen.add(key);
    if (rule.isCustom && !rule.targetDisplayName?.trim()) {
      problems.push({ index, field: "targetDisplayName", code: "labelRequired", params: none });
    }
    if (rule.objectType === "organization" && rule.isMappingIdentifier) {
      problems.push({ index, field: "isMappingIdentifier", code: "orgIdentifier", params: none });
    }
    if (rule.isMappingIdentifier && rule.kind === "disabled") {
      problems.push({ index, field: "isMappingIdentifier", code: "identifierDisabled", params: none });
    }
    const source = checkRuleSource(rule, catalog, index);
    if (source.problem) problems.push(source.problem);
    compiled.push(source.problem ? null : source.compiled);
  });
  const identifiers = rules.filter((r) => r.objectType === "user" && r.isMappingIdentifier);
  if (identifiers.length !== 1) {
    const index = Math.max(
      0,
      rules.findIndex((r) => r.objectType === "user"),
    );
    problems.push({ index, field: "isMappingIdentifier", code: "oneIdentifier", params: none });
  }
  return { problems, compiled };
}

/** An expression problem as the ExpressionError it came from (to format it, or show its caret). */
export function problemAsExpressionError(problem: Extract<RuleProblem, { code: "expression" }>): ExpressionError {
  return new ExpressionError(problem.params, problem.start, problem.end);
}
