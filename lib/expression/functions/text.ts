import { perStep, spend } from "../budget";
import { fail } from "../errors";
import { limits } from "../limits";
import { codePointLength } from "../values";
import { bounded, integer, produced, strict2, strict3, strict1, text } from "./args";
import type { FunctionDef } from "./types";

// Positions and lengths count code points, so an emoji or a CJK extension
// character is one character and a surrogate pair is never split.
const surrogate = /[\uD800-\uDFFF]/;

/** Work units per character read by Mid, Left and Right, which may copy the text into an array of code points. */
const slicing = 3;

function slice(s: string, from: number, to?: number): string {
  return surrogate.test(s) ? Array.from(s).slice(from, to).join("") : s.slice(from, to);
}

export const textFunctions: FunctionDef[] = [
  {
    name: "SubstringBefore",
    params: ["s", "separator"],
    min: 2,
    max: 2,
    description: {
      en: "The part of s before the first separator; s itself if the separator does not occur.",
      "zh-CN": "s 中第一个分隔符之前的部分；不含分隔符时返回 s 本身。",
      ja: "s の最初の区切り文字より前の部分。区切り文字がなければ s そのもの。",
    },
    example: 'SubstringBefore(idpUser.email, "@")',
    build: strict2(text, text, (s, sep) => {
      const i = s.indexOf(sep);
      return i < 0 ? s : s.slice(0, i);
    }),
  },
  {
    name: "SubstringAfter",
    params: ["s", "separator"],
    min: 2,
    max: 2,
    description: {
      en: 'The part of s after the first separator; "" if the separator does not occur.',
      "zh-CN": "s 中第一个分隔符之后的部分；不含分隔符时返回空字符串。",
      ja: "s の最初の区切り文字より後の部分。区切り文字がなければ空文字列。",
    },
    example: 'SubstringAfter(idpUser.email, "@")',
    build: strict2(text, text, (s, sep) => {
      const i = s.indexOf(sep);
      return i < 0 ? "" : s.slice(i + sep.length);
    }),
  },
  {
    name: "Mid",
    params: ["s", "start", "length"],
    min: 3,
    max: 3,
    description: {
      en: "length characters of s from the 1-based start (a start below 1 counts as 1).",
      "zh-CN": "从第 start 个字符（从 1 开始）起取 length 个字符。",
      ja: "1 から数えて start 文字目から length 文字を取り出します。",
    },
    example: "Mid(idpUser.phoneNumber, 4, 4)",
    build: strict3(
      text,
      integer,
      integer,
      (s, start, length) => (length <= 0 ? "" : slice(s, Math.max(start, 1) - 1, Math.max(start, 1) - 1 + length)),
      slicing,
    ),
  },
  {
    name: "Left",
    params: ["s", "n"],
    min: 2,
    max: 2,
    description: { en: "The first n characters of s.", "zh-CN": "s 的前 n 个字符。", ja: "s の先頭 n 文字。" },
    example: "Left(idpUser.displayName, 1)",
    build: strict2(text, integer, (s, n) => (n <= 0 ? "" : slice(s, 0, n)), slicing),
  },
  {
    name: "Right",
    params: ["s", "n"],
    min: 2,
    max: 2,
    description: { en: "The last n characters of s.", "zh-CN": "s 的后 n 个字符。", ja: "s の末尾 n 文字。" },
    example: "Right(idpUser.phoneNumber, 4)",
    build: strict2(text, integer, (s, n) => (n <= 0 ? "" : slice(s, Math.max(codePointLength(s) - n, 0))), slicing),
  },
  {
    name: "Replace",
    params: ["s", "find", "replacement"],
    min: 3,
    max: 3,
    description: {
      en: "s with every occurrence of find replaced.",
      "zh-CN": "把 s 中所有的 find 替换为 replacement。",
      ja: "s の中の find をすべて replacement に置き換えます。",
    },
    example: 'Replace(idpUser.phoneNumber, "-", "")',
    build:
      ([es, ef, er], call) =>
      (ctx) => {
        const [vs, vf, vr] = [es(ctx), ef(ctx), er(ctx)];
        if (vs === null || vf === null || vr === null) return null;
        const [s, find, replacement] = [text(vs, call, 0), text(vf, call, 1), text(vr, call, 2)];
        spend(ctx, s.length + find.length + replacement.length, call);
        if (find === "") return produced(ctx, s, call);
        const parts = s.split(find);
        // Refuse (or pay) before building: the result's length follows from the number of matches,
        // and one code point is at most two units.
        const length = s.length + (parts.length - 1) * (replacement.length - find.length);
        if (length > 2 * limits.stringLength) {
          fail({ reason: "limit", limit: "stringLength", max: limits.stringLength }, call);
        }
        spend(ctx, perStep * (parts.length - 1) + length, call);
        return bounded(parts.join(replacement), call);
      },
  },
  {
    name: "Length",
    params: ["s"],
    min: 1,
    max: 1,
    description: {
      en: "The number of characters (code points) in s.",
      "zh-CN": "s 的字符数（按码点计算）。",
      ja: "s の文字数（コードポイント単位）。",
    },
    example: "Length(idpUser.displayName)",
    build: strict1(text, codePointLength),
  },
  {
    name: "Split",
    params: ["s", "separator"],
    min: 2,
    max: 2,
    description: {
      en: 'An array of the parts of s between separators ("" splits into characters).',
      "zh-CN": "按分隔符把 s 拆成数组（分隔符为空时拆成单个字符）。",
      ja: "区切り文字で s を分割した配列（空文字列なら 1 文字ずつ）。",
    },
    example: 'Split(idpUser.description, ",")',
    build:
      ([es, esep], call) =>
      (ctx) => {
        const [vs, vsep] = [es(ctx), esep(ctx)];
        if (vs === null || vsep === null) return null;
        const [s, sep] = [text(vs, call, 0), text(vsep, call, 1)];
        spend(ctx, s.length + sep.length, call);
        const parts = sep === "" ? Array.from(s) : s.split(sep);
        spend(ctx, perStep * parts.length, call);
        return parts;
      },
  },
];
