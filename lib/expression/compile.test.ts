import { describe, expect, it } from "vitest";
import { compile, evaluate, toFieldValue } from "./compile";
import { caught } from "./testing";

const account = {
  email: "zhang.san@example.com",
  status: "enabled",
  displayName: "张三",
  employeeNumber: "E001",
  organizationalUnits: [
    { organizationalUnitId: "1", organizationalUnitName: "研发" },
    { organizationalUnitId: "2", organizationalUnitName: "平台" },
  ],
  customFields: { work_place: "" },
};

describe("compile and evaluate", () => {
  it.each([
    ['SubstringBefore(idpUser.email,"@")', "zhang.san"],
    ['Coalesce(idpUser.customFields.work_place, "HQ")', "HQ"],
    [
      'IIF(idpUser.status == "enabled", Append(idpUser.displayName, " (", idpUser.employeeNumber, ")"), null)',
      "张三 (E001)",
    ],
    ['Join(ArrayMap(idpUser.organizationalUnits, __item.organizationalUnitName), "/")', "研发/平台"],
  ])("%s -> %j", (source, expected) => {
    expect(compile(source).evaluate({ idpUser: account })).toBe(expected);
    expect(evaluate(source, { idpUser: account })).toBe(expected);
  });

  it("compiles once and evaluates against many scopes", () => {
    const compiled = compile("idpOrganizationalUnit.organizationalUnitName");
    expect(compiled.source).toBe("idpOrganizationalUnit.organizationalUnitName");
    expect(compiled.ast).toMatchObject({ kind: "path", start: 0, end: 44 });
    expect(compiled.evaluate({ idpOrganizationalUnit: { organizationalUnitName: "研发" } })).toBe("研发");
    expect(compiled.evaluate({})).toBeNull();
  });

  it("evaluate() throws compile errors every time, not a cached success", () => {
    expect(caught(() => evaluate("Mid(1)", {})).code).toBe("arity");
    expect(caught(() => evaluate("Mid(1)", {})).code).toBe("arity");
  });

  it("evaluate() keeps results separate per field catalogue", () => {
    expect(evaluate("idpUser.email", { idpUser: account })).toBe(account.email);
    const error = caught(() =>
      evaluate("idpUser.email", { idpUser: account }, { fields: { idpUser: { mail: true } } }),
    );
    expect(error.code).toBe("unknown_field");
  });

  it("a path to an empty string reads as null", () => {
    expect(compile("idpUser.customFields.work_place").evaluate({ idpUser: account })).toBeNull();
  });
});

describe("toFieldValue", () => {
  it.each([
    ["text", "text"],
    ["", ""],
    ["张三😀", "张三😀"],
    [42, "42"],
    [-1.5, "-1.5"],
    [0, "0"],
    [1e21, "1000000000000000000000"],
    [1.5e-7, "0.00000015"],
    [true, "true"],
    [false, "false"],
    [null, null],
  ] as const)("%j -> %j", (value, expected) => {
    expect(toFieldValue(value)).toBe(expected);
  });

  it.each([[["a"]], [{ a: 1 }], [[]]])("%j is a type error", (value) => {
    const error = caught(() => toFieldValue(value));
    expect(error.code).toBe("type");
    expect(error.params).toEqual({ reason: "field_value", actual: Array.isArray(value) ? "array" : "object" });
  });

  it("points at the expression when given its range", () => {
    const compiled = compile('Split(idpUser.email, "@")');
    const error = caught(() => toFieldValue(compiled.evaluate({ idpUser: account }), compiled.ast));
    expect({ code: error.code, start: error.start, end: error.end }).toEqual({ code: "type", start: 0, end: 25 });
    expect(error.message).toBe(
      "A field value must be text, a number, a boolean or null, got an array; convert it first, e.g. with Join or ObjectToJsonString",
    );
  });
});
