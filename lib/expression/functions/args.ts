import type { CallNode } from "../ast";
import { spend, textLength } from "../budget";
import { fail } from "../errors";
import { limits } from "../limits";
import { codePointLength, kindOf, scalarText, type Value, type ValueKind } from "../values";
import type { Context, Evaluator, FunctionDef } from "./types";

// Argument conversions shared by the functions. Each throws a `type` error at
// the offending argument's range.
export type Convert<T> = (value: Value, call: CallNode, index: number) => T;

export function argumentError(call: CallNode, index: number, expected: ValueKind, value: Value): never {
  const actual = kindOf(value);
  return fail({ reason: "argument", function: call.name, argument: index + 1, expected, actual }, call.args[index]);
}

/** Strings as they are; numbers and booleans as their text; arrays and objects are an error. */
export const text: Convert<string> = (value, call, index) => {
  if (typeof value === "string") return value;
  const t = scalarText(value);
  return t === undefined ? argumentError(call, index, "string", value) : t;
};

/** Whole numbers; a fraction is truncated toward zero. */
export const integer: Convert<number> = (value, call, index) =>
  typeof value === "number" ? Math.trunc(value) : argumentError(call, index, "number", value);

/** Boolean contexts count null as false; anything else that is not a boolean is an error. */
export const boolean: Convert<boolean> = (value, call, index) =>
  value === null ? false : typeof value === "boolean" ? value : argumentError(call, index, "boolean", value);

/** text() for an element of an array argument, naming the element in the error. */
export function elementText(value: Value, call: CallNode, index: number, element: number): string {
  const t = scalarText(value);
  if (t !== undefined) return t;
  const actual = kindOf(value);
  return fail(
    { reason: "argument", function: call.name, argument: index + 1, element: element + 1, expected: "string", actual },
    call.args[index],
  );
}

export function array(value: Value, call: CallNode, index: number): Value[] {
  return Array.isArray(value) ? value : argumentError(call, index, "array", value);
}

/** Enforces limits.stringLength on a string a function produced. */
export function bounded<T extends Value>(result: T, call: CallNode): T {
  if (
    typeof result === "string" &&
    result.length > limits.stringLength &&
    codePointLength(result) > limits.stringLength
  ) {
    fail({ reason: "limit", limit: "stringLength", max: limits.stringLength }, call);
  }
  return result;
}

/** bounded(), and the string's characters charged to the work budget. */
export function produced(ctx: Context, result: string, call: CallNode): string {
  spend(ctx, bounded(result, call).length, call);
  return result;
}

type Build = FunctionDef["build"];

// Builders for the functions that return null as soon as any argument is null
// (EXPRESSIONS.md: "String functions given null return null"). Every argument
// is evaluated first, so a type error shows whatever the data. Then, before `f`
// runs, the work budget is charged `perChar` units per character of the string
// arguments: one to read it and one for the result, which none of these makes
// much longer than its input; more for the functions slower than a copy.
export function strict1<A>(ca: Convert<A>, f: (a: A) => Value, perChar = 2): Build {
  return ([ea], call) =>
    (ctx) => {
      const a = ea(ctx);
      if (a === null) return null;
      const x = ca(a, call, 0);
      spend(ctx, perChar * textLength(a), call);
      return bounded(f(x), call);
    };
}

export function strict2<A, B>(ca: Convert<A>, cb: Convert<B>, f: (a: A, b: B) => Value, perChar = 2): Build {
  return ([ea, eb], call) =>
    (ctx) => {
      const a = ea(ctx);
      const b = eb(ctx);
      if (a === null || b === null) return null;
      const x = ca(a, call, 0);
      const y = cb(b, call, 1);
      spend(ctx, perChar * (textLength(a) + textLength(b)), call);
      return bounded(f(x, y), call);
    };
}

export function strict3<A, B, C>(
  ca: Convert<A>,
  cb: Convert<B>,
  cc: Convert<C>,
  f: (a: A, b: B, c: C) => Value,
  perChar = 2,
): Build {
  return ([ea, eb, ec], call) =>
    (ctx) => {
      const a = ea(ctx);
      const b = eb(ctx);
      const c = ec(ctx);
      if (a === null || b === null || c === null) return null;
      const x = ca(a, call, 0);
      const y = cb(b, call, 1);
      const z = cc(c, call, 2);
      spend(ctx, perChar * (textLength(a) + textLength(b) + textLength(c)), call);
      return bounded(f(x, y, z), call);
    };
}

export type { Evaluator };
