import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { ExpressionError, type ErrorParams } from "./errors";
import { limits, type LimitName } from "./limits";
import { formatExpressionError } from "./messages/format";
import { caught } from "./testing";

// One example of every reason, to render in every locale.
const samples: ErrorParams[] = [
  { reason: "expected", expected: [",", ")"], found: "b", argument: 1 },
  { reason: "expected", expected: ["expression"], found: null },
  { reason: "expected", expected: ["operator", "end"], found: '"x"' },
  { reason: "unterminated_string" },
  { reason: "invalid_escape", escape: "\\x" },
  { reason: "invalid_character", character: "，", suggestion: "," },
  { reason: "invalid_character", character: "#" },
  { reason: "member_call", path: "idpUser.email" },
  { reason: "unknown_function", name: "substringBefore", suggestion: "SubstringBefore" },
  { reason: "unknown_function", name: "Foo" },
  { reason: "arity", name: "Mid", min: 3, max: 3, got: 2 },
  { reason: "arity", name: "Now", min: 0, max: 0, got: 1 },
  { reason: "arity", name: "Append", min: 1, max: null, got: 0 },
  { reason: "arity", name: "X", min: 1, max: 3, got: 4 },
  { reason: "arity", name: "Switch", min: 2, max: null, got: 3, pairs: true },
  { reason: "unknown_field", path: "idpUser.emial", suggestion: "idpUser.email" },
  { reason: "unknown_root", path: "user.email", root: "user" },
  { reason: "item_outside_array_map", path: "__item.name" },
  { reason: "argument", function: "Mid", argument: 2, expected: "number", actual: "string" },
  { reason: "argument", function: "Join", argument: 1, element: 2, expected: "string", actual: "object" },
  { reason: "operand", operator: "&&", actual: "number" },
  { reason: "comparison", operator: "<", left: "number", right: "string" },
  { reason: "field_value", actual: "array" },
  { reason: "invalid_date", value: 9e15 },
  // Every limit, so a new one is rendered in every locale too.
  ...(Object.keys(limits) as LimitName[]).map((limit): ErrorParams => ({ reason: "limit", limit, max: 7 })),
];

describe("messages", () => {
  it.each(samples.map((params) => [params.reason, params] as const))(
    "%s reads in en, zh-CN and ja",
    (_reason, params) => {
      const error = new ExpressionError(params, 0, 1);
      const texts = (["en", "zh-CN", "ja"] as const).map((locale) => formatExpressionError(error, locale));
      expect(texts[0]).toBe(error.message);
      for (const text of texts) {
        expect(text).not.toMatch(/undefined|\[object|NaN/);
        expect(text.length).toBeGreaterThan(5);
      }
      // Each locale has its own words, not the English ones.
      expect(new Set(texts).size).toBe(3);
      // Names and suggestions reach every locale (an unknown variable names its root, not the whole path).
      const shown = params.reason === "unknown_root" ? ["root"] : ["name", "suggestion", "path", "function"];
      for (const value of shown) {
        const param = (params as Record<string, unknown>)[value];
        if (typeof param === "string") for (const text of texts) expect(text).toContain(param);
      }
    },
  );

  it("gives the messages the issue asks for", () => {
    const message = (source: string) => caught(() => compile(source)).message;
    expect(message('substringBefore(idpUser.email,"@")')).toBe(
      'Unknown function "substringBefore" - did you mean "SubstringBefore"?',
    );
    expect(message("Append(a b")).toBe('Expected "," or ")" after argument 1');
    expect(message('Mid("abc", 1)')).toBe("Mid expects 3 arguments, got 2");
  });

  it("localises real errors", () => {
    const error = caught(() => compile('Mid("abc", 1)'));
    expect(formatExpressionError(error, "zh-CN")).toBe("Mid 需要 3 个参数，实际为 2 个");
    expect(formatExpressionError(error, "ja")).toBe("Mid の引数は 3 個ですが、2 個あります");
    const syntax = caught(() => compile("Append(a b"));
    expect(formatExpressionError(syntax, "zh-CN")).toBe('第 1 个参数之后应为 "," 或 ")"');
    expect(formatExpressionError(syntax, "ja")).toBe('引数 1 の後には "," または ")" が必要です');
  });

  it("quotes a double quote so the message stays readable", () => {
    const error = caught(() => compile("'a'"));
    expect(error.message).toBe(`Unexpected character "'" - did you mean '"'?`);
  });
});
