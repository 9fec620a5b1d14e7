// Why the plan or the executor did what it did to an object, as a code and typed parameters.
// Stored as JSON in SyncRecord.reason and SyncFailure.reason; lib/messages turns them into words.
import type { DingTalkErrorKind } from "@/lib/dingtalk/error-codes";

type Id = string;
type NoParams = Record<string, never>;
type Stopped = { remotePresent: boolean };
type Clash = { field: string; value: string | null; account: string };
type Holder = { userid: string; name: string | null; account: string };
/** Why an account's user is deprovisioned. */
type Left = "deleted" | "out_of_scope" | "disabled" | "filtered_out";
type Threshold = { percent: number; count: number; deletes: number; bound: number };

/** What cannot be written to one DingTalk field (or why the object cannot be written at all). */
export type ProblemParamMap = {
  required: NoParams;
  too_long: { max: number; length: number };
  cut: { max: number; length: number };
  invalid_characters: { characters: string };
  no_department: NoParams;
  too_many: { max: number; count: number };
  ambiguous: NoParams;
  taken: NoParams;
  /** A mapping rule's expression failed on this object (lib/sync/mapping.ts: `expression_<code>`). */
  expression_syntax: { start?: number; end?: number };
  expression_unknown_function: { start?: number; end?: number };
  expression_arity: { start?: number; end?: number };
  expression_unknown_field: { start?: number; end?: number };
  expression_type: { start?: number; end?: number };
  expression_limit: { start?: number; end?: number };
};
export type ProblemCode = keyof ProblemParamMap;

export type ReasonParamMap = {
  new: NoParams;
  remote_drift: NoParams;
  source_changed: NoParams;
  /** The content changed because the mapping rules did (the binding was written with other rules). */
  mapping_changed: NoParams;
  remote_missing: { deptId?: string; userid?: string };
  matched_by_identifier: { field: string; value: string | null };
  matched_by_source_identifier: { sourceIdentifier: string | null };
  matched_by_name: { name: string };
  too_deep: { level: number; max: number };
  parent_blocked: { parentId: Id | null };
  mapping_error: { field: string; code: ProblemCode };
  invalid_name: { problem: ProblemCode; name: string; max?: number; length?: number; characters?: string };
  name_conflict: { name: string };
  delete_not_empty: { members: number; subDepartments: number };
  refused: { field: string; problem: ProblemCode };
  identifier_ambiguous: { field: string; count: number };
  userid_taken: { userid: string; name: string | null };
  name_taken_by_bound: { deptId: number; localId: Id };
  matched_on_name_conflict: { deptId: number };
  conflict_bound_elsewhere: Holder & { boundTo: Id };
  mobile_conflict: Holder & { localId: Id; field: string; theirs: string | null; ours: string | null };
  userid_conflict: Holder & { localId: Id; field: string; theirs: string | null; ours: string | null };
  bound_by_mobile: { userid: string };
  bound_by_userid: { userid: string };
  recreated_after_not_found: { userid: string };
  /** Planned: an unbound account matched an unbound DingTalk user by an enabled fallback. */
  matched_by_fallback: { field: string; value: string | null };
  /** Applied: a clash on create was this account's user by an enabled fallback, so it was bound. */
  bound_by_fallback: { userid: string; field: string };
  /** A clash on create with a DingTalk user that neither the identifier nor an enabled fallback matches. */
  clash_with_user: Clash & { userid: string; name: string | null; departments: string | null };
  /** A clash on create whose holder is not among the users read under the target node. */
  clash_outside_scope: Clash;
  department_not_created: { ouId: Id };
  run_stopped: { errcode: number | null };
  held_for_confirmation: NoParams;
  delete_threshold_percent: Threshold;
  delete_threshold_count: Threshold;
  ou_deleted: Stopped;
  ou_out_of_scope: Stopped;
  account_deleted: Stopped;
  account_out_of_scope: Stopped;
  /** Deprovisioning policy "move": the user of an account that left goes to the holding department only. */
  deprovision_move: { left: Left; userid: string; deptId: number };
  /** Deprovisioning policy "unbind": the binding goes, the DingTalk user is left as it is. */
  deprovision_unbind: { left: Left; userid: string };
  /** An administrator linked this account to the DingTalk user (conflict queue or review): bind, then update. */
  linked_by_admin: { userid: string };
  /** The linked DingTalk user is bound to another account already: nothing is written. */
  link_target_taken: { userid: string; name: string | null };
  /** A disabled account: it is not created in DingTalk (an account that was bound follows the deprovisioning policy). */
  account_disabled: Stopped;
  /** The IdP's scoping filter is not true for the account: it is not created; a bound one follows the deprovisioning policy. */
  account_filtered_out: Stopped;
  /** The scoping filter failed on this account (bad data): it is left as it is, neither written nor deprovisioned. */
  scope_filter_failed: { code: string; start?: number; end?: number };
} & { [K in DingTalkErrorKind as `dingtalk_${K}`]: NoParams };
export type ReasonCode = keyof ReasonParamMap;

/** A reason: its code and the parameters that code takes. */
export type Reason<C extends ReasonCode = ReasonCode> = {
  [K in C]: ReasonParamMap[K] extends NoParams
    ? { code: K; params?: NoParams }
    : { code: K; params: ReasonParamMap[K] };
}[C];

/** A problem with one DingTalk field of one object. */
export type MappingProblem<C extends ProblemCode = ProblemCode> = {
  [K in C]: { field: string; code: K; params?: ProblemParamMap[K] };
}[C];

// Every code once, so a code added to a map above must be listed here (and gets words, see lib/messages).
const reasonCodes: { [K in ReasonCode]: true } = {
  new: true,
  remote_drift: true,
  source_changed: true,
  mapping_changed: true,
  remote_missing: true,
  matched_by_identifier: true,
  matched_by_source_identifier: true,
  matched_by_name: true,
  too_deep: true,
  parent_blocked: true,
  mapping_error: true,
  invalid_name: true,
  name_conflict: true,
  delete_not_empty: true,
  refused: true,
  identifier_ambiguous: true,
  userid_taken: true,
  name_taken_by_bound: true,
  matched_on_name_conflict: true,
  conflict_bound_elsewhere: true,
  mobile_conflict: true,
  userid_conflict: true,
  bound_by_mobile: true,
  bound_by_userid: true,
  recreated_after_not_found: true,
  matched_by_fallback: true,
  bound_by_fallback: true,
  clash_with_user: true,
  clash_outside_scope: true,
  department_not_created: true,
  run_stopped: true,
  held_for_confirmation: true,
  delete_threshold_percent: true,
  delete_threshold_count: true,
  ou_deleted: true,
  ou_out_of_scope: true,
  account_deleted: true,
  account_out_of_scope: true,
  deprovision_move: true,
  deprovision_unbind: true,
  linked_by_admin: true,
  link_target_taken: true,
  account_disabled: true,
  account_filtered_out: true,
  scope_filter_failed: true,
  dingtalk_auth: true,
  dingtalk_permission: true,
  dingtalk_throttled: true,
  dingtalk_quota: true,
  dingtalk_not_found: true,
  dingtalk_conflict: true,
  dingtalk_invalid: true,
  dingtalk_transient: true,
  dingtalk_network: true,
};
const problemCodes: { [K in ProblemCode]: true } = {
  required: true,
  too_long: true,
  cut: true,
  invalid_characters: true,
  no_department: true,
  too_many: true,
  ambiguous: true,
  taken: true,
  expression_syntax: true,
  expression_unknown_function: true,
  expression_arity: true,
  expression_unknown_field: true,
  expression_type: true,
  expression_limit: true,
};

export const REASON_CODES = Object.keys(reasonCodes) as ReasonCode[];
export const PROBLEM_CODES = Object.keys(problemCodes) as ProblemCode[];

export function isReasonCode(code: unknown): code is ReasonCode {
  return typeof code === "string" && Object.hasOwn(reasonCodes, code);
}

export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === "string" && Object.hasOwn(problemCodes, code);
}

/** A stored reason (SyncRecord.reason), or null when the text is not one this version knows. */
export function readReason(json: string | null): Reason | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as { code?: unknown; params?: unknown };
    if (!isReasonCode(value.code)) return null;
    const params = value.params && typeof value.params === "object" ? value.params : {};
    return { code: value.code, params } as Reason;
  } catch {
    return null;
  }
}
