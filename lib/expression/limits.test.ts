import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { limits } from "./limits";
import { caught, expectError, run } from "./testing";

// Adversarial inputs: each must end in a `limit` (or `syntax`) error, never a
// stack overflow, a hang or any other exception.
describe("limits", () => {
  it("refuses source longer than 4,096 characters before lexing it", () => {
    const source = '"' + "a".repeat(100_000);
    const error = expectError(source, { code: "limit", start: 4096, end: 100_001 });
    expect(error.params).toEqual({ reason: "limit", limit: "sourceLength", max: 4096 });
  });

  it("accepts source of exactly 4,096 characters", () => {
    const source = `"${"a".repeat(4094)}"`;
    expect(source).toHaveLength(limits.sourceLength);
    expect(run(source)).toHaveLength(4094);
  });

  it("counts the source limit in code points", () => {
    const emoji = `"${"😀".repeat(4094)}"`;
    expect(run(emoji)).toHaveLength(8188);
    const error = expectError(`"${"😀".repeat(4095)}"`, { code: "limit", start: 8191, end: 8192 });
    expect(error.params).toMatchObject({ limit: "sourceLength" });
  });

  it("refuses 10,000 nested parentheses by length", () => {
    expectError("(".repeat(10_000) + "1" + ")".repeat(10_000), { code: "limit", start: 4096, end: 20_001 });
  });

  it("refuses nesting deeper than 32 at the opening that goes too deep", () => {
    expect(run("(".repeat(32) + "1" + ")".repeat(32))).toBe(1);
    const error = expectError("(".repeat(2000) + "1" + ")".repeat(2000), { code: "limit", start: 32, end: 33 });
    expect(error.params).toEqual({ reason: "limit", limit: "depth", max: 32 });
  });

  it("counts calls and ! as nesting", () => {
    const calls = "ToUpper(".repeat(33) + '"a"' + ")".repeat(33);
    expectError(calls, { code: "limit", start: 256, end: 264 });
    expect(run("ToUpper(".repeat(32) + '"a"' + ")".repeat(32))).toBe("A");
    expectError("!".repeat(33) + "true", { code: "limit", start: 32, end: 33 });
    expect(run("!".repeat(32) + "true")).toBe(true);
  });

  it("refuses a deeply nested call chain of mixed functions", () => {
    const source = "Trim(Left(ToLower(".repeat(200) + '"x"' + ", 1))".repeat(200);
    expect(caught(() => compile(source)).code).toBe("limit");
  });

  it("refuses more than 500 nodes, including long flat operator chains", () => {
    const chain = Array.from({ length: 300 }, () => "true").join(" && ");
    const error = caught(() => compile(chain));
    expect(error.code).toBe("limit");
    expect(error.params).toEqual({ reason: "limit", limit: "nodes", max: 500 });
    const args = `Append(${Array.from({ length: 600 }, () => "1").join(",")})`;
    expect(caught(() => compile(args)).params).toMatchObject({ limit: "nodes" });
  });

  it("accepts a chain just under the node limit and evaluates it without recursion trouble", () => {
    const chain = Array.from({ length: 250 }, () => "true").join(" && ");
    expect(run(chain)).toBe(true);
  });

  it("refuses an ArrayMap over more than 1,000 elements at the array argument", () => {
    const idpUser = { items: Array.from({ length: 1001 }, (_, i) => i) };
    expect(run("ArrayMap(idpUser.items, __item)", { items: idpUser.items.slice(0, 1000) })).toHaveLength(1000);
    const error = expectError("ArrayMap(idpUser.items, __item)", { code: "limit", start: 9, end: 22 }, { idpUser });
    expect(error.params).toEqual({ reason: "limit", limit: "arrayLength", max: 1000 });
  });

  it("refuses a huge ArrayMap at once, without mapping it", () => {
    const idpUser = { items: new Array(10_000_000).fill(0) };
    expectError(
      "ArrayMap(idpUser.items, ObjectToJsonString(idpUser.items))",
      { code: "limit", start: 9, end: 22 },
      {
        idpUser,
      },
    );
  });

  it("caps ArrayMap work across nested maps so they cannot multiply into a hang", () => {
    const idpUser = { items: Array.from({ length: 1000 }, (_, i) => i) };
    const source = "ArrayMap(idpUser.items, ArrayMap(idpUser.items, ArrayMap(idpUser.items, __item)))";
    const error = caught(() => compile(source).evaluate({ idpUser }));
    expect(error.params).toEqual({ reason: "limit", limit: "iterations", max: 10_000 });
    // The innermost ArrayMap is the one that crosses the budget.
    expect({ start: error.start, end: error.end }).toEqual({ start: 48, end: 79 });
  });

  it("stops comparing deeply nested data at the depth limit", () => {
    const nest = () => {
      let v: object = {};
      for (let i = 0; i < 5000; i++) v = { v };
      return v;
    };
    const idpUser = { a: nest(), b: nest() };
    const error = expectError("idpUser.a == idpUser.b", { code: "limit", start: 0, end: 22 }, { idpUser });
    expect(error.params).toEqual({ reason: "limit", limit: "depth", max: 32 });
  });

  it("refuses a string result longer than 10,000 characters", () => {
    const idpUser = { s: "a".repeat(6000) };
    expect(run("Append(idpUser.s, Left(idpUser.s, 4000))", idpUser)).toHaveLength(10_000);
    const error = expectError("Append(idpUser.s, idpUser.s)", { code: "limit", start: 0, end: 28 }, { idpUser });
    expect(error.params).toEqual({ reason: "limit", limit: "stringLength", max: 10_000 });
  });

  it("counts the string limit in code points", () => {
    const idpUser = { s: "😀".repeat(6000) };
    // 10,000 emoji are 20,000 UTF-16 units and still within the limit.
    expect(run("Append(idpUser.s, Left(idpUser.s, 4000))", idpUser)).toHaveLength(20_000);
    expectError("Append(idpUser.s, idpUser.s)", { code: "limit", start: 0, end: 28 }, { idpUser });
  });

  it("refuses a Replace that would blow up before building it", () => {
    const idpUser = { s: "a".repeat(4000) };
    const source = `Replace(idpUser.s, "a", "${"b".repeat(4000)}")`;
    expectError(source, { code: "limit", start: 0, end: 4027 }, { idpUser });
  });

  it.each(["Join", "ArrayJoin"])("refuses a %s that grows past the limit", (name) => {
    const idpUser = { parts: Array.from({ length: 200 }, () => "x".repeat(100)) };
    const source = `${name}(idpUser.parts, ",")`;
    expect(caught(() => compile(source).evaluate({ idpUser })).params).toMatchObject({ limit: "stringLength" });
  });
});
