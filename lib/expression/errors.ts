import type { LimitName } from "./limits";
import { englishMessage } from "./messages/format";
import type { ValueKind } from "./values";

export type ExpressionErrorCode = "syntax" | "unknown_function" | "arity" | "unknown_field" | "type" | "limit";

/**
 * What each kind of error needs for its message, keyed by a `reason` that is
 * unique across codes, so a message table can be typed reason by reason.
 * `expected` holds literal tokens (",", ")") and the words "expression",
 * "field_name", "operator" and "end", which the messages translate.
 */
export type ErrorParamMap = {
  expected: { expected: string[]; found: string | null; argument?: number };
  unterminated_string: object;
  invalid_escape: { escape: string };
  invalid_character: { character: string; suggestion?: string };
  member_call: { path: string };
  unknown_function: { name: string; suggestion?: string };
  arity: { name: string; min: number; max: number | null; got: number; pairs?: boolean };
  unknown_field: { path: string; suggestion?: string };
  unknown_root: { path: string; root: string; suggestion?: string };
  item_outside_array_map: { path: string };
  argument: { function: string; argument: number; element?: number; expected: ValueKind; actual: ValueKind };
  operand: { operator: string; actual: ValueKind };
  comparison: { operator: string; left: ValueKind; right: ValueKind };
  field_value: { actual: ValueKind };
  invalid_date: { value: number };
  limit: { limit: LimitName; max: number };
};

export type ErrorReason = keyof ErrorParamMap;

export type ErrorParams<R extends ErrorReason = ErrorReason> = {
  [K in R]: { reason: K } & ErrorParamMap[K];
}[R];

const codeOfReason: { [R in ErrorReason]: ExpressionErrorCode } = {
  expected: "syntax",
  unterminated_string: "syntax",
  invalid_escape: "syntax",
  invalid_character: "syntax",
  member_call: "syntax",
  unknown_function: "unknown_function",
  arity: "arity",
  unknown_field: "unknown_field",
  unknown_root: "unknown_field",
  item_outside_array_map: "unknown_field",
  argument: "type",
  operand: "type",
  comparison: "type",
  field_value: "type",
  invalid_date: "type",
  limit: "limit",
};

export class ExpressionError extends Error {
  readonly code: ExpressionErrorCode;
  readonly start: number;
  readonly end: number;
  readonly params: ErrorParams;

  constructor(params: ErrorParams, start: number, end: number) {
    super("");
    this.name = "ExpressionError";
    this.code = codeOfReason[params.reason];
    this.params = params;
    this.start = start;
    this.end = end;
    // The English text is the default message; the UI localises with formatExpressionError.
    this.message = englishMessage(this.params);
  }
}

/** Shorthand used across the library: `fail({ reason: "arity", ... }, node)`. */
export function fail(params: ErrorParams, at: { start: number; end: number }): never {
  throw new ExpressionError(params, at.start, at.end);
}
