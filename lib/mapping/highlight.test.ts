import { describe, expect, it } from "vitest";
import { highlight, tokenize, wordBefore } from "./mapping-highlight";

describe("expression highlighting", () => {
  it("classifies functions, paths, strings and punctuation", () => {
    expect(tokenize('SubstringBefore(idpUser.email,"@")').map((t) => t.cls)).toEqual(["function", "punct", "path", "punct", "string", "punct"]);
  });

  it("keeps the text intact and marks exactly the error range", () => {
    const source = 'Trim(idpUser.emial)';
    const pieces = highlight(source, { start: 5, end: 18 });
    expect(pieces.map((p) => p.text).join("")).toBe(source);
    expect(pieces.filter((p) => p.isError).map((p) => p.text).join("")).toBe("idpUser.emial");
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
