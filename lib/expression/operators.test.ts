import { describe, expect, it } from "vitest";
import { expectError, run } from "./testing";

const user = {
  status: "enabled",
  age: 30,
  empty: "",
  flag: true,
  units: [{ id: 1 }],
  sameUnits: [{ id: 1 }],
  profile: { a: 1, b: [1, "x"] },
  sameProfile: { b: [1, "x"], a: 1 },
};

describe("== and !=", () => {
  it.each([
    ['"a" == "a"', true],
    ['"a" == "b"', false],
    ['"张三" == "张三"', true],
    ["1 == 1", true],
    ["1 == 1.0", true],
    ['1 == "1"', false],
    ["true == 1", false],
    ["null == null", true],
    ['null == ""', false],
    ["idpUser.missing == null", true],
    ["idpUser.empty == null", true],
    ['idpUser.status == "enabled"', true],
    ['idpUser.status != "enabled"', false],
    ['1 != "1"', true],
    ["idpUser.units == idpUser.sameUnits", true],
    ["idpUser.profile == idpUser.sameProfile", true],
    ['idpUser.units == Split("a", ",")', false],
    ["true == true == true", true],
  ])("%s -> %s", (source, expected) => {
    expect(run(source, user)).toBe(expected);
  });
});

describe("< <= > >=", () => {
  it.each([
    ["1 < 2", true],
    ["2 <= 2", true],
    ["3 > 2.5", true],
    ["-1 >= 0", false],
    ['"a" < "b"', true],
    ['"b" <= "a"', false],
    ['"张" > "三"', true],
    ["idpUser.age >= 18", true],
  ])("%s -> %s", (source, expected) => {
    expect(run(source, user)).toBe(expected);
  });

  it.each([
    ['1 < "2"', "number", "string"],
    ["idpUser.missing > 0", "null", "number"],
    ["true < false", "boolean", "boolean"],
    ["idpUser.units <= idpUser.units", "array", "array"],
  ])("%s is a type error over the whole comparison", (source, left, right) => {
    const error = expectError(source, { code: "type", start: 0, end: source.length }, { idpUser: user });
    expect(error.params).toMatchObject({ reason: "comparison", left, right });
  });
});

describe("&& || !", () => {
  it.each([
    ["true && true", true],
    ["true && false", false],
    ["false || true", true],
    ["false || false", false],
    ["!true", false],
    ["!!true", true],
    ["!null", true],
    ["null || true", true],
    ["null && true", false],
    ["idpUser.flag && idpUser.age > 18", true],
    ["idpUser.missing || idpUser.flag", true],
    ['!(idpUser.status == "disabled")', true],
    // Short-circuit: the right side is not evaluated, so its type is not checked.
    ['false && "x"', false],
    ['true || "x"', true],
  ])("%s -> %s", (source, expected) => {
    expect(run(source, user)).toBe(expected);
  });

  it.each([
    ['"x" && true', 0, 3, "&&", "string"],
    ['true && "x"', 8, 11, "&&", "string"],
    ["false || idpUser.age", 9, 20, "||", "number"],
    ["!idpUser.units", 1, 14, "!", "array"],
    ['!(1 == 1) || Append("a")', 13, 24, "||", "string"],
  ])("%s is a type error at the operand", (source, start, end, operator, actual) => {
    const error = expectError(source, { code: "type", start, end }, { idpUser: user });
    expect(error.params).toEqual({ reason: "operand", operator, actual });
  });
});
