import { describe, expect, it } from "vitest";
import { expectError, run } from "../testing";

const user = { status: "enabled", displayName: "张三", empty: "", zero: 0, no: false, list: [], units: [{ id: 1 }] };

type Row = [source: string, expected: unknown];

const table: Record<string, Row[]> = {
  IIF: [
    ['IIF(true, "a", "b")', "a"],
    ['IIF(false, "a", "b")', "b"],
    ['IIF(null, "a", "b")', "b"],
    ['IIF(idpUser.missing, "a", "b")', "b"],
    ['IIF(idpUser.status == "enabled", idpUser.displayName, null)', "张三"],
    ['IIF(idpUser.status == "disabled", idpUser.displayName, null)', null],
    ['IIF(true, "", "b")', ""],
    ['IIF(true, "😀", "b")', "😀"],
    // Only the chosen branch runs: the other would be a type error.
    ['IIF(true, "a", Mid("x", "bad", 1))', "a"],
    ['IIF(false, Mid("x", "bad", 1), "b")', "b"],
  ],
  Switch: [
    ['Switch("b", "none", "a", 1, "b", 2)', 2],
    ['Switch("z", "none", "a", 1, "b", 2)', "none"],
    ['Switch("x", "default")', "default"],
    ['Switch(null, "d", null, "was null")', "was null"],
    ['Switch(idpUser.missing, "d", "a", "A")', "d"],
    // No coercion: the number 1 is not the string "1".
    ['Switch(1, "d", "1", "string one")', "d"],
    ['Switch(1, "d", "1", "string one", 1, "number one")', "number one"],
    ['Switch("中", "?", "中", "China", "日", "Japan")', "China"],
    ['Switch("😀", "?", "😀", "smile")', "smile"],
    ['Switch("", "d", "", "empty")', "empty"],
    ['Switch(idpUser.status, "", "enabled", "1", "disabled", "0")', "1"],
    ['Switch("a", "d", "a", "first", "a", "second")', "first"],
    ['Switch("a", Mid("x", "bad", 1), "a", "A")', "A"],
  ],
  Coalesce: [
    ['Coalesce(null, "", "x")', "x"],
    ['Coalesce(idpUser.missing, idpUser.empty, "HQ")', "HQ"],
    ['Coalesce(null, "")', ""],
    ["Coalesce(null)", null],
    ['Coalesce("a")', "a"],
    ['Coalesce(0, "x")', 0],
    ['Coalesce(false, "x")', false],
    ['Coalesce(idpUser.displayName, "x")', "张三"],
    ['Coalesce(" ", "x")', " "],
    ['Coalesce("first", Mid("x", "bad", 1))', "first"],
  ],
  IsNull: [
    ["IsNull(null)", true],
    ['IsNull("")', false],
    ["IsNull(idpUser.empty)", true],
    ["IsNull(idpUser.missing)", true],
    ["IsNull(idpUser.missing.deeper)", true],
    ["IsNull(0)", false],
    ["IsNull(idpUser.zero)", false],
    ["IsNull(idpUser.list)", false],
    ['IsNull("张")', false],
  ],
  IsNullOrEmpty: [
    ["IsNullOrEmpty(null)", true],
    ['IsNullOrEmpty("")', true],
    ["IsNullOrEmpty(idpUser.list)", true],
    ["IsNullOrEmpty(idpUser.units)", false],
    ['IsNullOrEmpty(" ")', false],
    ["IsNullOrEmpty(0)", false],
    ["IsNullOrEmpty(false)", false],
    ["IsNullOrEmpty(idpUser)", false],
    ['IsNullOrEmpty("日本")', false],
  ],
  IsPresent: [
    ["IsPresent(null)", false],
    ['IsPresent("")', false],
    ["IsPresent(idpUser.list)", false],
    ["IsPresent(idpUser.units)", true],
    ["IsPresent(idpUser.displayName)", true],
    ["IsPresent(0)", true],
    ['IsPresent("😀")', true],
  ],
  Not: [
    ["Not(true)", false],
    ["Not(false)", true],
    ["Not(null)", true],
    ["Not(idpUser.no)", true],
    ["Not(IsNull(idpUser.displayName))", true],
  ],
};

describe.each(Object.entries(table))("%s", (_name, rows) => {
  it.each(rows)("%s -> %j", (source, expected) => {
    expect(run(source, user)).toEqual(expected);
  });
});

describe("boolean arguments", () => {
  it.each([
    ['IIF("yes", 1, 2)', 4, 9],
    ["IIF(idpUser.zero, 1, 2)", 4, 16],
    ['Not("x")', 4, 7],
    ["Not(idpUser.list)", 4, 16],
  ])("%s is a type error at the condition", (source, start, end) => {
    const error = expectError(source, { code: "type", start, end }, { idpUser: user });
    expect(error.params).toMatchObject({ reason: "argument", argument: 1, expected: "boolean" });
  });
});
