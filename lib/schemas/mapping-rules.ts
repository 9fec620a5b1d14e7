import { compile, ExpressionError, standardFields, type FieldCatalog, type FieldTree } from "@/lib/expression";

// The mapping rules' catalogue and checks, without zod: the editor runs them in
// the browser on every keystroke, and the Configure Field Mapping and wizard
// pages should not ship a schema library for it. The zod schemas of the save
// action live in ./mapping.ts (which re-exports this module).

/** DingTalk user fields a rule may write (topapi/v2/user/create). */
export const DINGTALK_USER_FIELDS = [
  "userid", "name", "mobile", "email", "title", "job_number", "work_place", "remark", "telephone",
  "org_email", "hired_date", "extension", "login_email", "manager_userid",
] as const;
/** DingTalk department fields a rule may write (topapi/v2/department/create). */
export const DINGTALK_DEPT_FIELDS = ["name", "order", "source_identifier"] as const;

export const MAPPING_OBJECT_TYPES = ["user", "organization"] as const;
export const MAPPING_KINDS = ["field", "expression", "disabled"] as const;

/** One mapping rule as the editor and the save action hold it (ZMappingRuleSchema's output). */
export type TMappingRule = {
  objectType: (typeof MAPPING_OBJECT_TYPES)[number];
  targetField: string;
  targetDisplayName: string;
  kind: (typeof MAPPING_KINDS)[number];
  source: string;
  isMappingIdentifier: boolean;
  isCustom: boolean;
};

/** The fields an expression may read: the standard ones plus the console's custom fields. */
export function mappingFieldCatalog(customFieldIds: readonly string[]): FieldCatalog {
  const custom: FieldTree = Object.fromEntries(customFieldIds.map((id) => [id, true as const]));
  return { idpUser: { ...standardFields.idpUser, customFields: custom }, idpOrganizationalUnit: standardFields.idpOrganizationalUnit };
}

/** A rule's problem: a message key (with params), or an expression error with its range. */
export type RuleProblem =
  | { index: number; field: "targetField" | "source" | "isMappingIdentifier"; key: string; params?: Record<string, string> }
  | { index: number; field: "source"; expression: ExpressionError };

const allowedFields = { user: DINGTALK_USER_FIELDS as readonly string[], organization: DINGTALK_DEPT_FIELDS as readonly string[] };

/** Checks one rule's source against the catalogue; undefined when it compiles. */
export function checkRuleSource(rule: Pick<TMappingRule, "kind" | "source" | "objectType">, catalog: FieldCatalog): ExpressionError | "required" | "notAField" | "wrongRoot" | undefined {
  if (rule.kind === "disabled") return undefined;
  const source = rule.source.trim();
  if (!source) return "required";
  try {
    const compiled = compile(source, { fields: catalog });
    if (rule.kind === "field" && compiled.ast.kind !== "path") return "notAField";
    const root = rule.objectType === "user" ? "idpUser" : "idpOrganizationalUnit";
    if (rule.kind === "field" && compiled.ast.kind === "path" && compiled.ast.root !== root) return "wrongRoot";
    return undefined;
  } catch (err) {
    if (err instanceof ExpressionError) return err;
    throw err;
  }
}

/** Every problem of a rule set, in rule order. */
export function validateMappingRules(rules: readonly TMappingRule[], catalog: FieldCatalog): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const key = `${rule.objectType}:${rule.targetField}`;
    if (!allowedFields[rule.objectType].includes(rule.targetField)) {
      problems.push({ index, field: "targetField", key: rule.objectType === "user" ? "mappingErrors.notUserField" : "mappingErrors.notDeptField", params: { field: rule.targetField } });
    } else if (seen.has(key)) {
      problems.push({ index, field: "targetField", key: "mappingErrors.fieldUsed", params: { field: rule.targetField } });
    }
    seen.add(key);
    if (rule.objectType === "organization" && rule.isMappingIdentifier) problems.push({ index, field: "isMappingIdentifier", key: "mappingErrors.orgIdentifier" });
    if (rule.isMappingIdentifier && rule.kind === "disabled") problems.push({ index, field: "isMappingIdentifier", key: "mappingErrors.identifierDisabled" });
    const source = checkRuleSource(rule, catalog);
    if (source instanceof ExpressionError) problems.push({ index, field: "source", expression: source });
    else if (source) problems.push({ index, field: "source", key: `mappingErrors.${source}` });
  });
  const identifiers = rules.filter((r) => r.objectType === "user" && r.isMappingIdentifier);
  if (identifiers.length !== 1) {
    const index = Math.max(0, rules.findIndex((r) => r.objectType === "user"));
    problems.push({ index, field: "isMappingIdentifier", key: "mappingErrors.oneIdentifier" });
  }
  return problems;
}
