import type { Range } from "./ast";
import { fail } from "./errors";
import { limits } from "./limits";
import { kindOf, toValue, type Value } from "./values";

const hasOwnEnumerable = Object.prototype.propertyIsEnumerable;

/**
 * `==` and Switch: values of different types are never equal (no coercion,
 * "1" != 1); arrays and objects compare by content, own enumerable keys only,
 * down to limits.depth levels (deeper is a `limit` error at `at`).
 */
export function equals(a: Value, b: Value, at: Range, depth = 0): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (depth >= limits.depth) fail({ reason: "limit", limit: "depth", max: limits.depth }, at);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => equals(toValue(x), toValue(b[i]), at, depth + 1));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => hasOwnEnumerable.call(b, k) && equals(toValue(a[k]), toValue(b[k]), at, depth + 1));
}

/** `<` `<=` `>` `>=`: two numbers or two strings (UTF-16 order), anything else is a `type` error at `at`. */
export function less(op: "<" | "<=" | ">" | ">=", a: Value, b: Value, at: Range): boolean {
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
