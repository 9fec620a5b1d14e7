// Runtime values and the conversions every function shares.
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export type ValueKind = "string" | "number" | "boolean" | "null" | "array" | "object";

export function kindOf(value: Value): ValueKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as "string" | "number" | "boolean" | "object";
}

/**
 * Turns whatever a scope holds into a Value. The scope is supposed to be JSON,
 * but callers may hand in anything: functions, symbols, bigints, undefined and
 * non-finite numbers read as null, so evaluation never yields a JavaScript value.
 */
export function toValue(value: unknown): Value {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "object":
      return value as Value;
    default:
      return null;
  }
}

/** What a field path reads: like toValue, and `""` is null (EXPRESSIONS.md: "absent or empty gives null"). */
export function readValue(value: unknown): Value {
  return value === "" ? null : toValue(value);
}

/** Plain decimal, never exponent notation: 1e21 -> "1000000000000000000000". */
export function formatNumber(n: number): string {
  const s = String(n);
  const e = s.indexOf("e");
  if (e < 0) return s;
  const sign = n < 0 ? "-" : "";
  const digits = s.slice(sign.length, e).replace(".", "");
  // String() puts exactly one digit before the point in exponent notation.
  const point = 1 + Number(s.slice(e + 1));
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The text of a scalar; undefined for arrays and objects, which have none. */
export function scalarText(value: Value): string | undefined {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return formatNumber(value);
    case "boolean":
      return value ? "true" : "false";
    default:
      return undefined;
  }
}

/** Number of code points, counting a surrogate pair once. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The UTF-16 index where code point number `n` (0-based) starts; s.length if s has no more. */
export function codePointOffset(s: string, n: number): number {
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

const hasOwnEnumerable = Object.prototype.propertyIsEnumerable;

/**
 * `object[key]` restricted to own enumerable properties of a non-array object:
 * `__proto__`, `constructor` or `toString` never reach the prototype chain.
 */
export function ownField(object: unknown, key: string): unknown {
  if (typeof object !== "object" || object === null || Array.isArray(object)) return undefined;
  return hasOwnEnumerable.call(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}
