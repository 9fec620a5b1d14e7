import { describe, expect, it } from "vitest";
import { limits } from "../limits";
import { expectError, run } from "../testing";

describe("ObjectToJsonString", () => {
  const user = {
    units: [{ id: 1, name: "研发" }],
    blank: { a: "", b: null, c: [true, 1.5] },
    emoji: "😀",
  };

  it.each([
    ["ObjectToJsonString(idpUser.units)", '[{"id":1,"name":"研发"}]'],
    ["ObjectToJsonString(idpUser.blank)", '{"a":"","b":null,"c":[true,1.5]}'],
    ['ObjectToJsonString("a\\"b")', '"a\\"b"'],
    ["ObjectToJsonString(idpUser.emoji)", '"😀"'],
    ["ObjectToJsonString(1.5)", "1.5"],
    ["ObjectToJsonString(true)", "true"],
    ['ObjectToJsonString("")', '""'],
    ['ObjectToJsonString(Split("a,b", ","))', '["a","b"]'],
    ["ObjectToJsonString(null)", null],
    ["ObjectToJsonString(idpUser.missing)", null],
  ])("%s -> %j", (source, expected) => {
    expect(run(source, user)).toBe(expected);
  });

  it("never calls a toJSON method or reaches non-data values in the scope", () => {
    const idpUser = { toJSON: () => "hacked", when: new Date(0), x: 1, n: Number.NaN, big: BigInt(1) };
    expect(run("ObjectToJsonString(idpUser)", idpUser)).toBe('{"toJSON":null,"when":{},"x":1,"n":null,"big":null}');
  });

  it("stops at the depth limit instead of recursing without bound", () => {
    let deep: object = { leaf: true };
    for (let i = 0; i < 1000; i++) deep = { deep };
    expectError("ObjectToJsonString(idpUser)", { code: "limit", start: 0, end: 27 }, { idpUser: deep });
  });

  it("stops when the text would pass the string limit", () => {
    const idpUser = { rows: Array.from({ length: 5000 }, (_, i) => ({ i })) };
    const error = expectError("ObjectToJsonString(idpUser.rows)", { code: "limit", start: 0, end: 32 }, { idpUser });
    expect(error.params).toEqual({ reason: "limit", limit: "stringLength", max: limits.stringLength });
  });
});
