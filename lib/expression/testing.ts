// Helpers for the tests next to the code; not exported from index.ts.
import { expect } from "vitest";
import { compile, type CompileOptions, type Scope } from "./compile";
import { ExpressionError, type ExpressionErrorCode } from "./errors";
import type { Value } from "./values";

/** Compiles and evaluates `source` against an idpUser (and optionally an idpOrganizationalUnit). */
export function run(source: string, idpUser: object = {}, idpOrganizationalUnit: object = {}): Value {
  return compile(source).evaluate({ idpUser, idpOrganizationalUnit });
}

/** The ExpressionError `action` throws; fails the test if it throws nothing or anything else. */
export function caught(action: () => unknown): ExpressionError {
  try {
    action();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error("expected an ExpressionError, nothing was thrown");
}

export type ExpectedError = { code: ExpressionErrorCode; start: number; end: number };

/** Asserts code, start and end exactly, from compiling or from evaluating. */
export function expectError(source: string, expected: ExpectedError, scope: Scope = {}, options?: CompileOptions) {
  const error = caught(() => compile(source, options).evaluate(scope));
  expect({ code: error.code, start: error.start, end: error.end }).toEqual(expected);
  return error;
}

/** The slice of `source` an error points at, which reads better in a failing test. */
export function pointedAt(source: string, error: ExpressionError): string {
  return source.slice(error.start, error.end);
}
