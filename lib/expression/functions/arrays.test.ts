import { describe, expect, it } from "vitest";
import { expectError, run } from "../testing";

const user = {
  displayName: "张三",
  employeeNumber: "E001",
  empty: "",
  units: [
    { id: "ou1", name: "研发" },
    { id: "ou2", name: "営業" },
    { id: "ou3", name: "" },
  ],
  tags: ["a", "", null, "b"],
  mixed: [1, null, "x", true],
  nested: [["x"]],
  nums: [1, 2, 3],
  groups: [{ members: ["a", "b"] }, { members: ["c"] }],
  none: [],
};

type Row = [source: string, expected: unknown];

const table: Record<string, Row[]> = {
  Append: [
    ['Append("a", "b")', "ab"],
    ['Append("a")', "a"],
    ['Append(null, "b")', "b"],
    ["Append(null, null)", null],
    ["Append(idpUser.missing, idpUser.empty)", null],
    ['Append("", null)', ""],
    ['Append("张", "三")', "张三"],
    ['Append("😀", "👍")', "😀👍"],
    ['Append(1, true, " ", false, 2.5)', "1true false2.5"],
    ["Append(1000000000000000000000)", "1000000000000000000000"],
    ['Append(idpUser.displayName, " (", idpUser.employeeNumber, ")")', "张三 (E001)"],
  ],
  Join: [
    ['Join("a", null, "", "b", "-")', "a-b"],
    ['Join("a", "b", null)', "ab"],
    ['Join("a", "b", "")', "ab"],
    ['Join(null, "/")', ""],
    ['Join(Split("x,y", ","), "z", "/")', "x/y/z"],
    ['Join(idpUser.tags, ", ")', "a, b"],
    ['Join(idpUser.none, "/")', ""],
    ['Join(1, 2, "+")', "1+2"],
    ['Join("東京", "大阪", "・")', "東京・大阪"],
    ['Join("😀", "👍", "")', "😀👍"],
    ['Join(ArrayMap(idpUser.units, __item.name), "/")', "研发/営業"],
  ],
  ArrayJoin: [
    ['ArrayJoin(Split("a b c", " "), "-")', "a-b-c"],
    ['ArrayJoin(idpUser.mixed, ",")', "1,,x,true"],
    ['ArrayJoin(idpUser.none, ",")', ""],
    ['ArrayJoin(idpUser.tags, "")', "ab"],
    ['ArrayJoin(ArrayMap(idpUser.units, __item.name), "、")', "研发、営業、"],
    ['ArrayJoin(null, ",")', null],
    ["ArrayJoin(idpUser.nums, null)", null],
  ],
  ArrayMap: [
    ["ArrayMap(idpUser.units, __item.name)", ["研发", "営業", null]],
    ["ArrayMap(idpUser.units, __item.missing)", [null, null, null]],
    ['ArrayMap(idpUser.nums, IIF(__item > 1, "big", "small"))', ["small", "big", "big"]],
    ["ArrayMap(idpUser.tags, __item)", ["a", null, null, "b"]],
    ["ArrayMap(idpUser.none, __item)", []],
    ["ArrayMap(null, __item)", null],
    ["ArrayMap(idpUser.missing, __item)", null],
    ['ArrayMap(Split("a,b", ","), Append(__item, "!"))', ["a!", "b!"]],
    ["ArrayMap(idpUser.units, idpUser.displayName)", ["张三", "张三", "张三"]],
    // The inner __item shadows the outer one.
    ['ArrayMap(idpUser.groups, ArrayJoin(ArrayMap(__item.members, ToUpper(__item)), "+"))', ["A+B", "C"]],
  ],
};

describe.each(Object.entries(table))("%s", (_name, rows) => {
  it.each(rows)("%s -> %j", (source, expected) => {
    expect(run(source, user)).toEqual(expected);
  });
});

describe("array function errors", () => {
  const scope = { idpUser: user };

  it("Append of an array is a type error at that argument", () => {
    expectError('Append("a", idpUser.units)', { code: "type", start: 12, end: 25 }, scope);
  });

  it("Join names the element that is not text", () => {
    const error = expectError('Join(idpUser.nested, "/")', { code: "type", start: 5, end: 19 }, scope);
    expect(error.params).toMatchObject({
      reason: "argument",
      function: "Join",
      argument: 1,
      element: 1,
      actual: "array",
    });
    expect(error.message).toBe("Join expects text in argument 1, but element 1 is an array");
  });

  it("ArrayJoin of a string is a type error at the array argument", () => {
    expectError('ArrayJoin("abc", ",")', { code: "type", start: 10, end: 15 }, scope);
  });

  it("ArrayJoin of objects names the element", () => {
    const error = expectError('ArrayJoin(idpUser.units, ",")', { code: "type", start: 10, end: 23 }, scope);
    expect(error.params).toMatchObject({ element: 1, actual: "object" });
  });

  it("ArrayMap of a non-array is a type error at the array argument", () => {
    expectError("ArrayMap(idpUser.displayName, __item)", { code: "type", start: 9, end: 28 }, scope);
  });

  it("ArrayMap evaluates its expression once per element, not up front", () => {
    // A type error inside the lambda only happens when there is an element to map.
    expect(run('ArrayMap(idpUser.none, Mid(__item, "bad", 1))', user)).toEqual([]);
    expectError('ArrayMap(idpUser.nums, Mid("x", "bad", 1))', { code: "type", start: 32, end: 37 }, scope);
  });
});
