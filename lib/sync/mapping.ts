// Mapping rules, compiled once per run, applied to each account and OU.
import { compile, ExpressionError, toFieldValue, type CompiledExpression, type Scope } from "@/lib/expression";
import { SyncError } from "./errors";
import { checkLength, formatMobile } from "./fields";
import type { IdpUser, MappingProblem, MappingRule, SourceAccount, SourceOu, UserFields } from "./types";

export type CompiledRule = { targetField: string; expression: CompiledExpression };

export type CompiledRules = {
  user: CompiledRule[];
  organization: CompiledRule[];
  /** The DingTalk field that matches unbound accounts to existing users ("userid" when no rule says). */
  identifierField: string;
};

const PATH = /^(idpUser|idpOrganizationalUnit)(\.[A-Za-z_$][\w$]*)+$/;

/** Defaults for what DingTalk requires when the IdP has no rule for it. */
const USER_DEFAULTS: Record<string, string> = { userid: "idpUser.username", name: "idpUser.displayName" };

function compileRule(rule: MappingRule): CompiledRule {
  const source = rule.source.trim();
  if (rule.kind === "field" && !PATH.test(source)) {
    throw new SyncError("rule_invalid", { objectType: rule.objectType, targetField: rule.targetField, code: "not_a_field_path" });
  }
  try {
    return { targetField: rule.targetField, expression: compile(source) };
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    throw new SyncError(
      "rule_invalid",
      { objectType: rule.objectType, targetField: rule.targetField, code: err.code, start: err.start, end: err.end },
      { cause: err },
    );
  }
}

/** Compiles every enabled rule once; throws SyncError("rule_invalid" | "identifier_invalid"). */
export function compileRules(rules: MappingRule[]): CompiledRules {
  const enabled = rules.filter((r) => r.kind !== "disabled" && r.source.trim() !== "");
  const user = enabled.filter((r) => r.objectType === "user").map(compileRule);
  for (const [field, source] of Object.entries(USER_DEFAULTS)) {
    if (!user.some((r) => r.targetField === field)) user.push({ targetField: field, expression: compile(source) });
  }
  const organization = enabled.filter((r) => r.objectType === "organization").map(compileRule);
  const identifiers = rules.filter((r) => r.objectType === "user" && r.isMappingIdentifier && r.kind !== "disabled");
  if (identifiers.length > 1) {
    throw new SyncError("identifier_invalid", { code: "several", fields: identifiers.map((r) => r.targetField).join(",") });
  }
  return { user, organization, identifierField: identifiers[0]?.targetField ?? "userid" };
}

/** The idpUser variable for an account (own properties of plain data only). */
export function toIdpUser(account: SourceAccount): IdpUser {
  return {
    userId: account.userId,
    username: account.username,
    displayName: account.displayName,
    email: account.email,
    phoneNumber: account.phoneNumber,
    phoneRegion: account.phoneRegion,
    employeeNumber: account.employeeNumber,
    jobTitle: account.jobTitle,
    userExternalId: account.userExternalId,
    status: account.status,
    description: account.description,
    primaryOrganizationalUnitId: account.primaryOrganizationalUnitId,
    organizationalUnits: account.organizationalUnits,
    createTime: account.createTime,
    updateTime: account.updateTime,
    customFields: account.customFields,
  };
}

export function toIdpOrganizationalUnit(ou: SourceOu): Record<string, string | number | null> {
  return {
    organizationalUnitId: ou.id,
    organizationalUnitName: ou.name,
    organizationalUnitExternalId: ou.externalId,
    parentId: ou.parentId,
    description: ou.description,
    createTime: ou.createTime ?? null,
    updateTime: ou.updateTime ?? null,
  };
}

function run(rule: CompiledRule, scope: Scope): { value: string | null; error?: MappingProblem } {
  try {
    return { value: toFieldValue(rule.expression.evaluate(scope), rule.expression.ast) };
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    return { value: null, error: { field: rule.targetField, code: `expression_${err.code}`, params: { start: err.start, end: err.end } } };
  }
}

export type MappedUser = {
  userid: string | null;
  /** Every mapped DingTalk field but userid; null = leave empty. */
  fields: UserFields;
  /** Refusals: the account cannot be written. */
  errors: MappingProblem[];
  /** Values cut to DingTalk's lengths. */
  warnings: MappingProblem[];
};

/** Applies the user rules to an account: values as text, mobiles as "+86-...", lengths checked. */
export function mapUser(account: SourceAccount, rules: CompiledRules): MappedUser {
  const scope: Scope = { idpUser: toIdpUser(account) };
  const fields: UserFields = {};
  const errors: MappingProblem[] = [];
  const warnings: MappingProblem[] = [];
  let userid: string | null = null;
  for (const rule of rules.user) {
    const result = run(rule, scope);
    if (result.error) {
      errors.push(result.error);
      continue;
    }
    let value = result.value === null ? null : result.value.trim();
    if (rule.targetField === "mobile" && value) value = formatMobile(value, account.phoneRegion);
    const checked = checkLength(rule.targetField, value);
    if (checked.error) errors.push(checked.error);
    if (checked.warning) warnings.push(checked.warning);
    if (rule.targetField === "userid") userid = checked.value;
    else fields[rule.targetField] = checked.value;
  }
  return { userid, fields, errors, warnings };
}

/** The department name for an OU: the organization "name" rule if there is one, else the OU's name. */
export function mapOuName(ou: SourceOu, rules: CompiledRules): { value: string | null; error?: MappingProblem } {
  const rule = rules.organization.find((r) => r.targetField === "name");
  if (!rule) return { value: ou.name.trim() };
  const result = run(rule, { idpOrganizationalUnit: toIdpOrganizationalUnit(ou) });
  return result.error ? result : { value: result.value?.trim() ?? null };
}
