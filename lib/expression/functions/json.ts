import type { CallNode } from "../ast";
import { perStep, spend } from "../budget";
import { fail } from "../errors";
import { limits } from "../limits";
import { toValue, type Value } from "../values";
import { produced } from "./args";
import type { Context, FunctionDef } from "./types";

/**
 * JSON text written by hand rather than by JSON.stringify, which would call a
 * `toJSON` method found in the data and recurse without bound. Own enumerable
 * keys only, at most limits.depth levels, and it stops once the text is
 * certainly too long. Each value visited and each character written is charged
 * to the work budget as it goes.
 */
function toJson(value: Value, call: CallNode, depth: number, out: string[], size: { n: number }, ctx: Context): void {
  if (size.n > 2 * limits.stringLength)
    fail({ reason: "limit", limit: "stringLength", max: limits.stringLength }, call);
  if (value === null || typeof value !== "object") {
    const text = typeof value === "string" ? JSON.stringify(value) : String(value);
    spend(ctx, perStep + text.length, call);
    size.n += text.length;
    out.push(text);
    return;
  }
  spend(ctx, perStep, call);
  if (depth >= limits.depth) fail({ reason: "limit", limit: "depth", max: limits.depth }, call);
  const isArray = Array.isArray(value);
  out.push(isArray ? "[" : "{");
  const keys = isArray ? null : Object.keys(value);
  const count = keys === null ? (value as Value[]).length : keys.length;
  for (let i = 0; i < count; i++) {
    if (i > 0) out.push(",");
    if (keys !== null) {
      out.push(JSON.stringify(keys[i]), ":");
      spend(ctx, keys[i].length + 3, call);
      size.n += keys[i].length + 3;
    }
    const item = keys === null ? (value as Value[])[i] : (value as Record<string, unknown>)[keys[i]];
    toJson(toValue(item), call, depth + 1, out, size, ctx);
  }
  out.push(isArray ? "]" : "}");
  size.n += 2;
}

export const jsonFunctions: FunctionDef[] = [
  {
    name: "ObjectToJsonString",
    params: ["value"],
    min: 1,
    max: 1,
    description: { en: "value as JSON text.", "zh-CN": "把值转成 JSON 文本。", ja: "値を JSON テキストにします。" },
    example: "ObjectToJsonString(idpUser.organizationalUnits)",
    build:
      ([source], call) =>
      (ctx) => {
        const value = source(ctx);
        if (value === null) return null;
        const out: string[] = [];
        toJson(value, call, 0, out, { n: 0 }, ctx);
        return produced(ctx, out.join(""), call);
      },
  },
];
