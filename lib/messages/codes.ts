// Every message the console shows for an error or a reason, as a code and typed parameters.
// The server sends these (never finished words); format.ts puts them into words.
import type { DingTalkErrorDetail } from "@/lib/dingtalk/errors";
import type { ErrorParams as ExpressionErrorParams } from "@/lib/expression/errors";
import type { RuleProblemCode, RuleProblemParams } from "@/lib/mapping/check";
import type { ProblemCode, ReasonCode, ReasonParamMap } from "@/lib/sync/reasons";
import type { CatalogueKey } from "./catalogue";

export type NoParams = Record<string, never>;

/** What a server action refuses with (AppError, ActionError.code). */
export type ActionErrorParamMap = {
  "errors.unauthorized": NoParams;
  "errors.invalid_input": NoParams;
  "errors.internal": NoParams;
  "errors.accountNotFound": NoParams;
  "errors.ouNotFound": NoParams;
  "errors.customFieldNotFound": NoParams;
  "errors.moveRoot": NoParams;
  "errors.moveUnderItself": NoParams;
  "errors.ouHasChildren": NoParams;
  "errors.ouHasMembers": NoParams;
  "errors.idpNotFound": NoParams;
  "errors.runNotFound": NoParams;
  "errors.runInProgress": NoParams;
  "errors.runNotRunning": NoParams;
  "errors.corpIdTaken": NoParams;
  "errors.deptNotFound": NoParams;
  "errors.deptOutOfScope": NoParams;
  "errors.incrementalBeforeFull": NoParams;
  "errors.wizardIncomplete": NoParams;
  "errors.idpDisabled": NoParams;
  "errors.nothingToRetry": NoParams;
  "errors.noFailures": NoParams;
  /** Reconciliation (lib/server/reconcile). */
  "errors.reconcileInProgress": NoParams;
  "errors.reconciliationNotFound": NoParams;
  "errors.nothingToRepair": NoParams;
  /** Review, then apply (lib/server/sync/plans.ts). */
  "errors.planNotFound": NoParams;
  "errors.planStale": NoParams;
  "errors.planApplied": { by: string };
  "errors.planApplying": { by: string };
  /** Provision on demand before the IdP's first full sync was applied. */
  "errors.provisionBeforeFull": NoParams;
  /** A link to a DingTalk user that no conflict of this account named. */
  "errors.linkTargetUnknown": NoParams;
  /** A conflict decision for an account that is not in the directory any more. */
  "errors.decisionAccountMissing": NoParams;
  /** Modify > basic settings changed an endpoint or the edition and left the AppSecret empty. */
  "errors.appSecretReentry": NoParams;
  /** DingTalk refused or could not be reached; the words name the cause and the fix. */
  "errors.dingtalk": DingTalkErrorDetail;
};

type NamespaceCodes<N extends string> = CatalogueKey extends infer K ? (K extends `${N}.${string}` ? K : never) : never;

/** A field's problem: the zod schemas' `message`s and CSV issues (no parameters). */
export type FieldCode = NamespaceCodes<"validation" | "idpValidation" | "csv">;

/**
 * Mapping rule problems (lib/mapping/check.ts, shown by the editor and refused by the save
 * action): `mappingErrors.<RuleProblemCode>` with that problem's params, and expression errors.
 */
export type MappingParamMap = { [C in RuleProblemCode as `mappingErrors.${C}`]: RuleProblemParams[C] } & {
  "mappingErrors.fieldId": NoParams;
  /** An expression that does not compile; the words come from lib/expression's own tables. */
  "mappingErrors.expression": { expression: ExpressionErrorParams; start: number; end: number };
  /** The save action refuses the rule set; field errors under `rules.<index>.<field>` say which rules. */
  "mappingErrors.invalidRules": NoParams;
  /** The scoping filter reads something other than the account (idpUser). */
  "mappingErrors.scopeFilterUserOnly": NoParams;
};

/** The mapping editor's live preview: what DingTalk's length rules do to the sample's value (lib/sync/fields.ts). */
export type MappingPreviewParamMap = {
  "mappingPreview.cut": { max: number; length: number };
  "mappingPreview.too_long": { max: number; length: number };
  "mappingPreview.required": NoParams;
};

/** Why the console's sign-in refused (next-auth's `error`), and its form's field problems. */
export type SignInParamMap = {
  "login.invalidCredentials": NoParams;
  "login.lockedOut": NoParams;
  /** A client IP or the whole console past its sign-in rate limit (lib/server/rate-limit.ts). */
  "login.rateLimited": NoParams;
  "login.unexpected": NoParams;
  "login.emailInvalid": NoParams;
  "login.passwordRequired": NoParams;
};

/** Why a sync run failed, stopped or was held (lib/sync/run.ts RunError). */
export type RunErrorParamMap = {
  "runErrors.interrupted": NoParams;
  "runErrors.held": NoParams;
  "runErrors.stopped": NoParams;
  "runErrors.internal": NoParams;
  "runErrors.rule_invalid": { field: string };
  "runErrors.identifier_invalid": NoParams;
  "runErrors.target_not_found": { deptId: number | string };
  "runErrors.snapshot_failed": NoParams;
  "runErrors.scope_filter_invalid": NoParams;
};

type ReasonParamMapByCode = { [C in ReasonCode as `syncReasons.${C}`]: ReasonParamMap[C] };
// A reason stores only its problem's code, so problem words take no parameters.
type ProblemParamMapByCode = { [C in ProblemCode as `syncProblems.${C}`]: NoParams };

export type MessageParamMap = ActionErrorParamMap & { [C in FieldCode]: NoParams } & MappingParamMap &
  MappingPreviewParamMap &
  SignInParamMap &
  RunErrorParamMap &
  ReasonParamMapByCode &
  ProblemParamMapByCode;

export type MessageCode = keyof MessageParamMap;
export type ActionErrorCode = keyof ActionErrorParamMap;

/** A code and its parameters; codes without parameters may leave `params` out. */
export type Message<C extends MessageCode = MessageCode> = {
  [K in C]: MessageParamMap[K] extends NoParams
    ? { code: K; params?: NoParams }
    : { code: K; params: MessageParamMap[K] };
}[C];

/** Codes without parameters: what zod schemas and the older AppError form name. */
export type PlainCode = { [K in MessageCode]: MessageParamMap[K] extends NoParams ? K : never }[MessageCode];

/**
 * Field errors of an action: per form field (dotted path, e.g. `rules.3.source`), the messages
 * to show under it. Each entry is a code with its parameters, like the error itself.
 */
export type FieldErrors = Record<string, Message[]>;

/** A message for a code without parameters, when the code is only known as a PlainCode. */
export function plainMessage(code: PlainCode): Message {
  return { code } as Message;
}
