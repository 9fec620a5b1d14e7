import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { highlight, tokenize, wordBefore } from "./highlight";

const classes = (source: string) => tokenize(source).map((t) => `${t.cls}:${t.text}`);

describe("expression highlighting", () => {
  it("classifies functions, paths, strings and punctuation", () => {
    expect(tokenize('SubstringBefore(idpUser.email,"@")').map((t) => t.cls)).toEqual([
      "function",
      "punct",
      "path",
      "punct",
      "string",
      "punct",
    ]);
  });

  it("reads tokens as the parser does", () => {
    // Spaces around the dot: still one path, as the parser reads it.
    expect(classes("idpUser . email")).toEqual(["path:idpUser . email"]);
    // A literal name after a dot is a path segment; a function name is a function only before "(".
    expect(classes("idpUser.null == null")).toEqual([
      "path:idpUser.null",
      "space: ",
      "operator:==",
      "space: ",
      "literal:null",
    ]);
    expect(classes("Trim (x)")).toEqual(["function:Trim", "space: ", "punct:(", "path:x", "punct:)"]);
    // A negative number is one token; an escaped quote stays inside the string.
    expect(classes('-1.5 "a\\"b"')).toEqual(["number:-1.5", "space: ", 'string:"a\\"b"']);
    // Full-width and other non-ASCII names are names, as the lexer says.
    expect(classes("idpUser.customFields.部署")).toEqual(["path:idpUser.customFields.部署"]);
  });

  it("goes on past what the lexer refuses", () => {
    expect(classes('Trim(idpUser.email = "x")')).toEqual([
      "function:Trim",
      "punct:(",
      "path:idpUser.email",
      "space: ",
      "other:=",
      "space: ",
      'string:"x"',
      "punct:)",
    ]);
    expect(classes('Lower("abc')).toEqual(["function:Lower", "punct:(", 'string:"abc']);
    expect(classes('"a\\qb" && x')).toEqual(['string:"a\\qb"', "space: ", "operator:&&", "space: ", "path:x"]);
    expect(classes("（x）")).toEqual(["other:（", "path:x", "other:）"]);
  });

  it("never loses or reorders text, whatever is typed", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'aZ_1 .,()"\\=&|!<>-（）。部\n'.split("")), maxLength: 40 }),
        (source) => {
          expect(
            tokenize(source)
              .map((t) => t.text)
              .join(""),
          ).toBe(source);
          expect(
            highlight(source, { start: 0, end: source.length })
              .map((p) => p.text)
              .join("")
              .trimEnd(),
          ).toBe(source.trimEnd());
        },
      ),
    );
  });

  it("keeps the text intact and marks exactly the error range", () => {
    const source = "Trim(idpUser.emial)";
    const pieces = highlight(source, { start: 5, end: 18 });
    expect(pieces.map((p) => p.text).join("")).toBe(source);
    expect(
      pieces
        .filter((p) => p.isError)
        .map((p) => p.text)
        .join(""),
    ).toBe("idpUser.emial");
  });

  it("marks a trailing cell for an error at the end", () => {
    const pieces = highlight("Trim(", { start: 5, end: 5 });
    expect(pieces.at(-1)).toMatchObject({ isError: true, text: " " });
  });

  it("finds the word before the caret", () => {
    expect(wordBefore("Trim(idpUser.em", 15)).toEqual({ start: 5, word: "idpUser.em" });
    expect(wordBefore("Trim(", 5)).toEqual({ start: 5, word: "" });
  });
});
