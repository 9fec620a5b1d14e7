import type { Range } from "../ast";
import { spend, textLength } from "../budget";
import { equals } from "../compare";
import type { Value } from "../values";
import { boolean } from "./args";
import type { Context, FunctionDef } from "./types";

const isEmpty = (v: unknown) => v === null || v === "" || (Array.isArray(v) && v.length === 0);

// Conditionals evaluate lazily: only the branch chosen runs. What they pass on
// is charged to the work budget like any function's result.
function passed(ctx: Context, value: Value, call: Range): Value {
  spend(ctx, textLength(value), call);
  return value;
}

export const logicFunctions: FunctionDef[] = [
  {
    name: "IIF",
    params: ["condition", "whenTrue", "whenFalse"],
    min: 3,
    max: 3,
    description: {
      en: "whenTrue if condition is true, else whenFalse (a null condition counts as false).",
      "zh-CN": "条件为 true 时返回 whenTrue，否则返回 whenFalse（条件为 null 视为 false）。",
      ja: "条件が true なら whenTrue、それ以外は whenFalse（null は false 扱い）。",
    },
    example: 'IIF(idpUser.status == "enabled", idpUser.displayName, null)',
    build:
      ([condition, whenTrue, whenFalse], call) =>
      (ctx) =>
        passed(ctx, boolean(condition(ctx), call, 0) ? whenTrue(ctx) : whenFalse(ctx), call),
  },
  {
    name: "Switch",
    params: ["source", "default", "key1", "value1", "...keyValuePairs"],
    min: 2,
    max: Infinity,
    pairs: true,
    description: {
      en: "The value whose key equals source (same type and value), else default.",
      "zh-CN": "返回键等于 source（类型和值都相同）的值，没有匹配时返回 default。",
      ja: "キーが source と等しい（型と値が同じ）値。一致しなければ default。",
    },
    example: 'Switch(idpUser.status, "", "enabled", "1", "disabled", "0")',
    build: (args, call) => (ctx) => {
      const source = args[0](ctx);
      for (let i = 2; i < args.length; i += 2) {
        if (equals(source, args[i](ctx), call, ctx)) return passed(ctx, args[i + 1](ctx), call);
      }
      return passed(ctx, args[1](ctx), call);
    },
  },
  {
    name: "Coalesce",
    params: ["...values", "default"],
    min: 1,
    max: Infinity,
    description: {
      en: 'The first argument that is not null and not ""; the last one if none is.',
      "zh-CN": "返回第一个既非 null 也非空字符串的参数；都为空时返回最后一个。",
      ja: "null でも空文字列でもない最初の引数。なければ最後の引数。",
    },
    example: 'Coalesce(idpUser.customFields.work_place, "HQ")',
    build: (args, call) => {
      const last = args.length - 1;
      return (ctx) => {
        for (let i = 0; i < last; i++) {
          const v = args[i](ctx);
          if (v !== null && v !== "") return passed(ctx, v, call);
        }
        return passed(ctx, args[last](ctx), call);
      };
    },
  },
  {
    name: "IsNull",
    params: ["value"],
    min: 1,
    max: 1,
    description: {
      en: "true if value is null (an absent or empty field is null).",
      "zh-CN": "值为 null 时返回 true（缺失或为空的字段是 null）。",
      ja: "値が null なら true（存在しない・空のフィールドは null）。",
    },
    example: "IsNull(idpUser.phoneNumber)",
    build:
      ([value]) =>
      (ctx) =>
        value(ctx) === null,
  },
  {
    name: "IsNullOrEmpty",
    params: ["value"],
    min: 1,
    max: 1,
    description: {
      en: 'true if value is null, "" or an empty array.',
      "zh-CN": "值为 null、空字符串或空数组时返回 true。",
      ja: "値が null・空文字列・空配列なら true。",
    },
    example: "IsNullOrEmpty(idpUser.organizationalUnits)",
    build:
      ([value]) =>
      (ctx) =>
        isEmpty(value(ctx)),
  },
  {
    name: "IsPresent",
    params: ["value"],
    min: 1,
    max: 1,
    description: {
      en: "The opposite of IsNullOrEmpty.",
      "zh-CN": "与 IsNullOrEmpty 相反。",
      ja: "IsNullOrEmpty の逆。",
    },
    example: "IsPresent(idpUser.email)",
    build:
      ([value]) =>
      (ctx) =>
        !isEmpty(value(ctx)),
  },
  {
    name: "Not",
    params: ["b"],
    min: 1,
    max: 1,
    description: {
      en: "The boolean opposite of b (null counts as false).",
      "zh-CN": "b 的布尔取反（null 视为 false）。",
      ja: "b の真偽を反転します（null は false 扱い）。",
    },
    example: "Not(IsNull(idpUser.email))",
    build:
      ([b], call) =>
      (ctx) =>
        !boolean(b(ctx), call, 0),
  },
];
