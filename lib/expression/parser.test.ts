import { describe, expect, it } from "vitest";
import { parse } from "./parser";
import { caught } from "./testing";

describe("parser", () => {
  it("gives every node its range", () => {
    expect(parse('SubstringBefore(idpUser.email, "@")')).toEqual({
      kind: "call",
      name: "SubstringBefore",
      nameEnd: 15,
      start: 0,
      end: 35,
      args: [
        { kind: "path", root: "idpUser", segments: ["email"], start: 16, end: 29 },
        { kind: "literal", value: "@", start: 31, end: 34 },
      ],
    });
  });

  it("reads literals", () => {
    expect(parse("true")).toEqual({ kind: "literal", value: true, start: 0, end: 4 });
    expect(parse("false")).toEqual({ kind: "literal", value: false, start: 0, end: 5 });
    expect(parse(" null ")).toEqual({ kind: "literal", value: null, start: 1, end: 5 });
    expect(parse("-2.5")).toEqual({ kind: "literal", value: -2.5, start: 0, end: 4 });
  });

  it("reads dotted paths with free white space between tokens", () => {
    expect(parse("idpUser . customFields .\twork_place")).toEqual({
      kind: "path",
      root: "idpUser",
      segments: ["customFields", "work_place"],
      start: 0,
      end: 35,
    });
  });

  it("lets keywords be field names after a dot", () => {
    expect(parse("idpUser.null")).toMatchObject({ kind: "path", segments: ["null"] });
  });

  it("binds || loosest, then &&, then equality, then comparison, then !", () => {
    const ast = parse("!a < b == c && d || e");
    expect(ast).toMatchObject({
      kind: "binary",
      op: "||",
      start: 0,
      end: 21,
      left: {
        op: "&&",
        left: { op: "==", left: { op: "<", left: { kind: "unary", op: "!", start: 0, end: 2 } } },
      },
      right: { kind: "path", root: "e" },
    });
  });

  it("chains operators of one level left to right", () => {
    expect(parse("a == b != c")).toMatchObject({ op: "!=", left: { op: "==" }, right: { root: "c" } });
  });

  it("groups with parentheses without a node of their own", () => {
    expect(parse("a && (b || c)")).toMatchObject({
      op: "&&",
      right: { op: "||", start: 6, end: 12 },
    });
  });

  it("parses calls with no arguments and nested calls", () => {
    expect(parse("Now()")).toEqual({ kind: "call", name: "Now", nameEnd: 3, args: [], start: 0, end: 5 });
    expect(parse("A(B(C()), 1)")).toMatchObject({
      args: [{ name: "B", start: 2, end: 8, args: [{ name: "C", start: 4, end: 7 }] }, { value: 1 }],
    });
  });

  it.each([
    ["", 0, 0, { expected: ["expression"], found: null }],
    ["   ", 3, 3, { expected: ["expression"], found: null }],
    ["Append(a b", 9, 10, { expected: [",", ")"], argument: 1, found: "b" }],
    ["Append(a, b", 11, 11, { expected: [",", ")"], argument: 2, found: null }],
    ["Append(a,)", 9, 10, { expected: ["expression"], found: ")" }],
    ["Append(,a)", 7, 8, { expected: ["expression"], found: "," }],
    ["(a", 2, 2, { expected: [")"], found: null }],
    ["(a b)", 3, 4, { expected: [")"], found: "b" }],
    ["a b", 2, 3, { expected: ["operator", "end"], found: "b" }],
    ["a)", 1, 2, { expected: ["operator", "end"], found: ")" }],
    ["idpUser.", 8, 8, { expected: ["field_name"], found: null }],
    ["idpUser.1", 8, 9, { expected: ["field_name"], found: "1" }],
    ["a ==", 4, 4, { expected: ["expression"], found: null }],
    ["!", 1, 1, { expected: ["expression"], found: null }],
    ["1.", 1, 2, { expected: ["operator", "end"], found: "." }],
  ])("rejects %j with a syntax error at [%i, %i)", (source, start, end, params) => {
    const error = caught(() => parse(source));
    expect({ code: error.code, start: error.start, end: error.end }).toEqual({ code: "syntax", start, end });
    expect(error.params).toMatchObject({ reason: "expected", ...params });
  });

  it("rejects a call on a field", () => {
    const error = caught(() => parse("idpUser.email.toString()"));
    expect({ code: error.code, start: error.start, end: error.end }).toEqual({ code: "syntax", start: 0, end: 23 });
    expect(error.params).toEqual({ reason: "member_call", path: "idpUser.email.toString" });
  });

  it("says where the comma or parenthesis is missing", () => {
    expect(caught(() => parse("Append(a b")).message).toBe('Expected "," or ")" after argument 1');
    expect(caught(() => parse("Append(a,)")).message).toBe('Expected an expression, found ")"');
  });
});
