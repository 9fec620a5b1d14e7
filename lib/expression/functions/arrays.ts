import { nodeCount, perNode, perStep, spend } from "../budget";
import { fail } from "../errors";
import { limits } from "../limits";
import { toValue, type Value } from "../values";
import { array, bounded, elementText, produced, text } from "./args";
import type { FunctionDef } from "./types";

const tooLong = (s: string) => s.length > 2 * limits.stringLength;

export const arrayFunctions: FunctionDef[] = [
  {
    name: "Append",
    params: ["s1", "s2", "...more"],
    min: 1,
    max: Infinity,
    description: {
      en: 'The arguments joined together, null taken as ""; null only if all are null.',
      "zh-CN": "把参数依次拼接，null 视为空字符串；全部为 null 时返回 null。",
      ja: "引数を連結します。null は空文字列扱い、すべて null なら null。",
    },
    example: 'Append(idpUser.displayName, " (", idpUser.employeeNumber, ")")',
    build: (args, call) => (ctx) => {
      let out: string | null = null;
      for (let i = 0; i < args.length; i++) {
        const v = args[i](ctx);
        if (v === null) continue;
        const t = text(v, call, i);
        out = out === null ? t : out + t;
        // Stop early: a huge input must not build a huge string first.
        if (tooLong(out)) bounded(out, call);
      }
      return out === null ? null : produced(ctx, out, call);
    },
  },
  {
    name: "Join",
    params: ["...values", "separator"],
    min: 2,
    max: Infinity,
    description: {
      en: "The non-empty values (arrays flattened) joined by the last argument.",
      "zh-CN": "用最后一个参数连接所有非空值（数组会展开）。",
      ja: "空でない値（配列は展開）を最後の引数で連結します。",
    },
    example: 'Join(idpUser.jobTitle, idpUser.description, " / ")',
    build: (args, call) => (ctx) => {
      const last = args.length - 1;
      const sepValue = args[last](ctx);
      const separator = sepValue === null ? "" : text(sepValue, call, last);
      let out: string | null = null;
      for (let i = 0; i < last; i++) {
        const v = args[i](ctx);
        const many = Array.isArray(v);
        const count = many ? v.length : 1;
        if (many) spend(ctx, perStep * count, call);
        for (let j = 0; j < count; j++) {
          const item = many ? toValue(v[j]) : v;
          if (item === null || item === "") continue;
          const t = many ? elementText(item, call, i, j) : text(item, call, i);
          out = out === null ? t : out + separator + t;
          if (tooLong(out)) bounded(out, call);
        }
      }
      return out === null ? "" : produced(ctx, out, call);
    },
  },
  {
    name: "ArrayJoin",
    params: ["array", "separator"],
    min: 2,
    max: 2,
    description: {
      en: 'The elements of array joined by separator (a null element counts as "").',
      "zh-CN": "用分隔符连接数组的各元素（null 元素视为空字符串）。",
      ja: "配列の要素を区切り文字で連結します（null 要素は空文字列扱い）。",
    },
    example: 'ArrayJoin(Split(idpUser.description, " "), "-")',
    build:
      ([source, sep], call) =>
      (ctx) => {
        const [value, sepValue] = [source(ctx), sep(ctx)];
        if (value === null || sepValue === null) return null;
        const items = array(value, call, 0);
        const separator = text(sepValue, call, 1);
        spend(ctx, perStep * items.length, call);
        let out = "";
        for (let i = 0; i < items.length; i++) {
          const v = toValue(items[i]);
          out += (i === 0 ? "" : separator) + (v === null ? "" : elementText(v, call, 0, i));
          if (tooLong(out)) bounded(out, call);
        }
        return produced(ctx, out, call);
      },
  },
  {
    name: "ArrayMap",
    params: ["array", "expression"],
    min: 2,
    max: 2,
    lambda: 1,
    description: {
      en: "A new array: expression evaluated with __item bound to each element.",
      "zh-CN": "对数组每个元素求值 expression（元素为 __item），得到新数组。",
      ja: "各要素を __item として expression を評価した新しい配列。",
    },
    example: "ArrayMap(idpUser.organizationalUnits, __item.organizationalUnitName)",
    build: ([source, expression], call) => {
      // Each element runs the expression at most once: its nodes are paid for up front.
      const perItem = perStep + perNode * nodeCount(call.args[1]);
      return (ctx) => {
        const value = source(ctx);
        if (value === null) return null;
        const items = array(value, call, 0);
        if (items.length > limits.arrayLength) {
          fail({ reason: "limit", limit: "arrayLength", max: limits.arrayLength }, call.args[0]);
        }
        if ((ctx.iterations += items.length) > limits.iterations) {
          fail({ reason: "limit", limit: "iterations", max: limits.iterations }, call);
        }
        spend(ctx, items.length * perItem, call);
        const saved = ctx.item;
        const out = new Array<Value>(items.length);
        for (let i = 0; i < items.length; i++) {
          ctx.item = items[i];
          out[i] = expression(ctx);
        }
        ctx.item = saved;
        return out;
      };
    },
  },
];
