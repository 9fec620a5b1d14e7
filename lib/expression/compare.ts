import type { Range } from "./ast";
import { perStep, spend } from "./budget";
import { fail } from "./errors";
import type { Context } from "./functions/types";
import { limits } from "./limits";
import { kindOf, toValue, type Value } from "./values";

const hasOwnEnumerable = Object.prototype.propertyIsEnumerable;

/**
 * `==` and Switch: values of different types are never equal (no coercion,
 * "1" != 1); arrays and objects compare by content, own enumerable keys only,
 * down to limits.depth levels (deeper is a `limit` error at `at`). Each value
 * compared, and each character of two strings of one length, is charged to the
 * work budget at `at`.
 */
export function equals(a: Value, b: Value, at: Range, ctx: Context, depth = 0): boolean {
  if (typeof a === "string") {
    if (typeof b === "string" && a.length === b.length) spend(ctx, a.length, at);
    return a === b;
  }
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (depth >= limits.depth) fail({ reason: "limit", limit: "depth", max: limits.depth }, at);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    spend(ctx, perStep * a.length, at);
    return a.every((x, i) => equals(toValue(x), toValue(b[i]), at, ctx, depth + 1));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  spend(ctx, perStep * keys.length, at);
  return keys.every((k) => hasOwnEnumerable.call(b, k) && equals(toValue(a[k]), toValue(b[k]), at, ctx, depth + 1));
}

/**
 * `<` `<=` `>` `>=`: two numbers or two strings (UTF-16 order, charged to the
 * work budget by the shorter's characters), anything else is a `type` error at `at`.
 */
export function less(op: "<" | "<=" | ">" | ">=", a: Value, b: Value, at: Range, ctx: Context): boolean {
  if (typeof a === "string" && typeof b === "string") spend(ctx, Math.min(a.length, b.length), at);
  if ((typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string")) {
    switch (op) {
      case "<":
        return a < b;
      case "<=":
        return a <= b;
      case ">":
        return a > b;
      default:
        return a >= b;
    }
  }
  return fail({ reason: "comparison", operator: op, left: kindOf(a), right: kindOf(b) }, at);
}
