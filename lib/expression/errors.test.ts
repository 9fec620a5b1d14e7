import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { ExpressionError } from "./errors";
import { caught, expectError } from "./testing";

describe("unknown_function", () => {
  it.each([
    ['substringBefore(idpUser.email, "@")', 0, 15, "SubstringBefore"],
    ['Append("a", Lenght("b"))', 12, 18, "Length"],
    ["iif(true, 1, 2)", 0, 3, "IIF"],
    ["Concatenate(1)", 0, 11, undefined],
    ["constructor()", 0, 11, undefined],
    ["toString(1)", 0, 8, undefined],
  ])("%s points at the name and suggests %s", (source, start, end, suggestion) => {
    const error = expectError(source, { code: "unknown_function", start, end });
    expect(error.params).toEqual({ reason: "unknown_function", name: source.slice(start, end), suggestion });
  });

  it("reads as a person can act on it", () => {
    expect(caught(() => compile('substringBefore(idpUser.email, "@")')).message).toBe(
      'Unknown function "substringBefore" - did you mean "SubstringBefore"?',
    );
  });
});

describe("arity", () => {
  it.each([
    ['Mid("abc", 1)', 0, 13, { min: 3, max: 3, got: 2 }],
    ['Left("abc")', 0, 11, { min: 2, max: 2, got: 1 }],
    ["Now(1)", 0, 6, { min: 0, max: 0, got: 1 }],
    ["Append()", 0, 8, { min: 1, max: null, got: 0 }],
    ['Join("a")', 0, 9, { min: 2, max: null, got: 1 }],
    ["Coalesce()", 0, 10, { min: 1, max: null, got: 0 }],
    ['IIF(true, "a")', 0, 14, { min: 3, max: 3, got: 2 }],
    ['ToUpper(Mid("a", 1))', 8, 19, { min: 3, max: 3, got: 2 }],
  ])("%s is an arity error over the call", (source, start, end, params) => {
    const error = expectError(source, { code: "arity", start, end });
    expect(error.params).toMatchObject(params);
  });

  it.each([
    ['Switch("a")', 1],
    ['Switch("a", "d", "k")', 3],
    ['Switch("a", "d", "k", "v", "k2")', 5],
  ])("%s leaves a key without its value", (source, got) => {
    const error = expectError(source, { code: "arity", start: 0, end: source.length });
    expect(error.params).toMatchObject({ name: "Switch", pairs: true, got });
  });

  it.each(['Switch("a", "d")', 'Switch("a", "d", "k", "v")'])("%s has complete pairs", (source) => {
    expect(() => compile(source)).not.toThrow();
  });

  it("reads as a person can act on it", () => {
    expect(caught(() => compile('Mid("abc", 1)')).message).toBe("Mid expects 3 arguments, got 2");
    expect(caught(() => compile("Now(1)")).message).toBe("Now expects no arguments, got 1");
    expect(caught(() => compile("Append()")).message).toBe("Append expects at least 1 argument, got 0");
  });
});

describe("variables", () => {
  it.each([
    ["user.email", 0, 10, "user", undefined],
    ["idpuser.email", 0, 13, "idpuser", "idpUser"],
    ["IdpOrganizationalUnit", 0, 21, "IdpOrganizationalUnit", "idpOrganizationalUnit"],
    ['Append("a", x)', 12, 13, "x", undefined],
  ])("%s names an unknown variable (unknown_field, always at compile time)", (source, start, end, root, suggestion) => {
    const error = expectError(source, { code: "unknown_field", start, end });
    expect(error.params).toMatchObject({ reason: "unknown_root", root, suggestion });
  });

  it.each([
    ["__item", 0, 6],
    ["__item.name", 0, 11],
    ["ArrayMap(__item, __item)", 9, 15],
    ["Append(ArrayMap(idpUser.a, __item), __item.x)", 36, 44],
  ])("%s uses __item outside ArrayMap's second argument", (source, start, end) => {
    const error = expectError(source, { code: "unknown_field", start, end });
    expect(error.params).toEqual({ reason: "item_outside_array_map", path: source.slice(start, end) });
  });
});

describe("type", () => {
  it("is thrown while evaluating, with the range of the value at fault", () => {
    const compiled = compile("Mid(idpUser.name, idpUser.start, 1)");
    expect(compiled.evaluate({ idpUser: { name: "abc", start: 2 } })).toBe("b");
    const error = caught(() => compiled.evaluate({ idpUser: { name: "abc", start: "2" } }));
    expect({ code: error.code, start: error.start, end: error.end }).toEqual({ code: "type", start: 18, end: 31 });
  });
});

describe("ExpressionError", () => {
  it("is an Error with a code, a range, params and an English message", () => {
    const error = caught(() => compile("Mid(1)"));
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error.name).toBe("ExpressionError");
    expect(error.params).toEqual({ reason: "arity", name: "Mid", min: 3, max: 3, got: 1, pairs: undefined });
    expect(error.message).toBe("Mid expects 3 arguments, got 1");
  });
});
