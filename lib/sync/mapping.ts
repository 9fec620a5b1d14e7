// Mapping rules, compiled once per run, applied to each account and OU.
import { ExpressionError, toFieldValue, type FieldCatalog, type Scope } from "@/lib/expression";
import {
  compileRules,
  MappingRulesError,
  type CompiledRule,
  type CompiledRules,
  type MappingRule,
} from "@/lib/mapping";
import { SyncError } from "./errors";
import { writtenValue } from "./fields";
import type { IdpUser, MappingProblem, SourceAccount, SourceOu, UserFields } from "./types";
import { eventLoopYielder } from "./yield";

export type { CompiledRules };

/**
 * Compiles the rules once per run through lib/mapping's check (the editor's and
 * the save action's); a refused set becomes SyncError "rule_invalid" naming the
 * first rule refused, or "identifier_invalid" when the identifier is at fault.
 */
export function compileSyncRules(rules: readonly MappingRule[], catalog: FieldCatalog): CompiledRules {
  try {
    return compileRules(rules, catalog);
  } catch (err) {
    if (!(err instanceof MappingRulesError)) throw err;
    const [problem] = err.problems;
    const rule = rules[problem.index];
    if (problem.field === "isMappingIdentifier")
      throw new SyncError("identifier_invalid", { code: problem.code }, { cause: err });
    const range = problem.code === "expression" ? { start: problem.start, end: problem.end } : {};
    throw new SyncError(
      "rule_invalid",
      { objectType: rule?.objectType ?? null, targetField: rule?.targetField ?? null, code: problem.code, ...range },
      { cause: err },
    );
  }
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
    return {
      value: null,
      error: { field: rule.targetField, code: `expression_${err.code}`, params: { start: err.start, end: err.end } },
    };
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
  return memo(userMemo, rules, account, () => mapUserNow(account, rules));
}

function mapUserNow(account: SourceAccount, rules: CompiledRules): MappedUser {
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
    const checked = writtenValue(rule.targetField, result.value, account.phoneRegion);
    if (checked.error) errors.push(checked.error);
    if (checked.warning) warnings.push(checked.warning);
    if (rule.targetField === "userid") userid = checked.value;
    else fields[rule.targetField] = checked.value;
  }
  return { userid, fields, errors, warnings };
}

/** The department name for an OU: the organization "name" rule if there is one, else the OU's name. */
export function mapOuName(ou: SourceOu, rules: CompiledRules): MappedName {
  return memo(ouMemo, rules, ou, () => mapOuNameNow(ou, rules));
}

function mapOuNameNow(ou: SourceOu, rules: CompiledRules): MappedName {
  const rule = rules.organization.find((r) => r.targetField === "name");
  if (!rule) return { value: ou.name.trim() };
  const result = run(rule, { idpOrganizationalUnit: toIdpOrganizationalUnit(ou) });
  return result.error ? result : { value: result.value?.trim() ?? null };
}

type MappedName = { value: string | null; error?: MappingProblem };

// One mapping per object and compiled rule set: premapSources() computes them ahead,
// and planning (and a targeted read) reuses them. Weak keys: a run's objects go with it.
const userMemo = new WeakMap<CompiledRules, WeakMap<SourceAccount, MappedUser>>();
const ouMemo = new WeakMap<CompiledRules, WeakMap<SourceOu, MappedName>>();

function memo<K extends object, V>(
  table: WeakMap<CompiledRules, WeakMap<K, V>>,
  rules: CompiledRules,
  key: K,
  compute: () => V,
): V {
  let byKey = table.get(rules);
  if (!byKey) table.set(rules, (byKey = new WeakMap()));
  let value = byKey.get(key);
  if (value === undefined) byKey.set(key, (value = compute()));
  return value;
}

/**
 * Maps every account and OU ahead of planning, handing the event loop back at least every
 * `sliceMs`: a rule may spend up to the expression work budget per object, and a run over
 * thousands of accounts must not hold the console's requests for that long.
 */
export async function premapSources(
  sources: { accounts: readonly SourceAccount[]; ous: readonly SourceOu[] },
  rules: CompiledRules,
  { sliceMs = 10, signal }: { sliceMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const yieldTurn = eventLoopYielder(sliceMs);
  const pause = async () => {
    await yieldTurn();
    signal?.throwIfAborted();
  };
  for (const account of sources.accounts) {
    mapUser(account, rules);
    await pause();
  }
  for (const ou of sources.ous) {
    mapOuName(ou, rules);
    await pause();
  }
}
