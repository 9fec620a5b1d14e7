import { describe, expect, it } from "vitest";
import { Lexer, type TokenType } from "./lexer";
import { caught } from "./testing";

type Token = { type: TokenType; value?: string | number; start: number; end: number };

function tokens(source: string): Token[] {
  const lx = new Lexer(source);
  const out: Token[] = [];
  do {
    lx.next();
    const { type, start, end, value } = lx;
    out.push(
      type === "ident" || type === "string" || type === "number" ? { type, value, start, end } : { type, start, end },
    );
  } while (lx.type !== "eof");
  return out;
}

describe("lexer", () => {
  it("splits operators, punctuation and names with their ranges", () => {
    expect(tokens("a.b(1,!x)||y&&z==w!=v<u<=t>s>=r")).toEqual([
      { type: "ident", value: "a", start: 0, end: 1 },
      { type: ".", start: 1, end: 2 },
      { type: "ident", value: "b", start: 2, end: 3 },
      { type: "(", start: 3, end: 4 },
      { type: "number", value: 1, start: 4, end: 5 },
      { type: ",", start: 5, end: 6 },
      { type: "!", start: 6, end: 7 },
      { type: "ident", value: "x", start: 7, end: 8 },
      { type: ")", start: 8, end: 9 },
      { type: "||", start: 9, end: 11 },
      { type: "ident", value: "y", start: 11, end: 12 },
      { type: "&&", start: 12, end: 14 },
      { type: "ident", value: "z", start: 14, end: 15 },
      { type: "==", start: 15, end: 17 },
      { type: "ident", value: "w", start: 17, end: 18 },
      { type: "!=", start: 18, end: 20 },
      { type: "ident", value: "v", start: 20, end: 21 },
      { type: "<", start: 21, end: 22 },
      { type: "ident", value: "u", start: 22, end: 23 },
      { type: "<=", start: 23, end: 25 },
      { type: "ident", value: "t", start: 25, end: 26 },
      { type: ">", start: 26, end: 27 },
      { type: "ident", value: "s", start: 27, end: 28 },
      { type: ">=", start: 28, end: 30 },
      { type: "ident", value: "r", start: 30, end: 31 },
      { type: "eof", start: 31, end: 31 },
    ]);
  });

  it("skips any white space, including full-width and non-breaking spaces", () => {
    expect(tokens(" \t\n\r\u3000\u00a0x \u3000")).toEqual([
      { type: "ident", value: "x", start: 6, end: 7 },
      { type: "eof", start: 9, end: 9 },
    ]);
  });

  it.each([
    ["42", 42],
    ["-1.5", -1.5],
    ["0.25", 0.25],
    ["007", 7],
  ])("reads the number %s", (source, value) => {
    expect(tokens(source)[0]).toEqual({ type: "number", value, start: 0, end: source.length });
  });

  it("leaves a dot without digits after it to the parser", () => {
    expect(tokens("1.").map((t) => t.type)).toEqual(["number", ".", "eof"]);
  });

  it.each([
    ['"plain"', "plain"],
    ['""', ""],
    ['"a\\"b"', 'a"b'],
    ['"back\\\\slash"', "back\\slash"],
    ['"line\\nbreak\\ttab"', "line\nbreak\ttab"],
    ['"\\u4e2d\\u6587"', "中文"],
    ['"\\ud83d\\ude00"', "😀"],
    ['"张三 😀 カナ"', "张三 😀 カナ"],
  ])("reads the string %s", (source, value) => {
    expect(tokens(source)[0]).toEqual({ type: "string", value, start: 0, end: source.length });
  });

  it("reads names with non-ASCII letters as one identifier", () => {
    expect(tokens("customFields.工作地点")[2]).toEqual({ type: "ident", value: "工作地点", start: 13, end: 17 });
    // A letter outside the BMP is a surrogate pair, kept whole.
    expect(tokens("𠮷野家_2")[0]).toEqual({ type: "ident", value: "𠮷野家_2", start: 0, end: 6 });
  });

  it.each([
    ['"abc', "syntax", 0, 4, { reason: "unterminated_string" }],
    ['"a\\x"', "syntax", 2, 4, { reason: "invalid_escape", escape: "\\x" }],
    ['"\\u12"', "syntax", 1, 6, { reason: "invalid_escape", escape: '\\u12"' }],
    ['"\\', "syntax", 1, 2, { reason: "invalid_escape", escape: "\\" }],
    ["a # b", "syntax", 2, 3, { reason: "invalid_character", character: "#" }],
    ["a - 1", "syntax", 2, 3, { reason: "invalid_character", character: "-" }],
    ["'abc'", "syntax", 0, 1, { reason: "invalid_character", character: "'", suggestion: '"' }],
    ["f（x）", "syntax", 1, 2, { reason: "invalid_character", character: "（", suggestion: "(" }],
    ["a = b", "syntax", 2, 3, { reason: "expected", expected: ["=="], found: "=" }],
    ["a & b", "syntax", 2, 3, { reason: "expected", expected: ["&&"], found: "&" }],
    ["a | b", "syntax", 2, 3, { reason: "expected", expected: ["||"], found: "|" }],
    ["x 😀", "syntax", 2, 4, { reason: "invalid_character", character: "😀" }],
  ])("rejects %s", (source, code, start, end, params) => {
    const error = caught(() => tokens(source));
    expect({ code: error.code, start: error.start, end: error.end }).toEqual({ code, start, end });
    expect(error.params).toMatchObject(params);
  });
});
