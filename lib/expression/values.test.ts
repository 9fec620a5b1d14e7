import { describe, expect, it } from "vitest";
import { codePointLength, codePointOffset, formatNumber, readValue, toValue } from "./values";

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [7, "7"],
    [-2.5, "-2.5"],
    [123456789.125, "123456789.125"],
    [1e21, "1000000000000000000000"],
    [-1.5e22, "-15000000000000000000000"],
    [1e-7, "0.0000001"],
    [-2.5e-8, "-0.000000025"],
    [1.2345e-7, "0.00000012345"],
  ])("%s -> %s", (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
});

describe("reading scope data", () => {
  it("turns non-JSON values into null", () => {
    expect(toValue(undefined)).toBeNull();
    expect(toValue(() => 1)).toBeNull();
    expect(toValue(Symbol("x"))).toBeNull();
    expect(toValue(BigInt(1))).toBeNull();
    expect(toValue(Number.NaN)).toBeNull();
    expect(toValue(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toValue("")).toBe("");
    expect(readValue("")).toBeNull();
    expect(readValue("x")).toBe("x");
  });
});

describe("codePointOffset", () => {
  it.each([
    ["abc", 2, 2],
    ["😀😀a", 2, 4],
    ["😀", 5, 2],
    ["\ud83da", 1, 1],
  ])("%j: code point %i starts at %i", (s, n, offset) => {
    expect(codePointOffset(s, n)).toBe(offset);
  });
});

describe("codePointLength", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["日本語", 3],
    ["😀👍", 2],
    ["\ud83d", 1],
  ])("%j has %i code points", (s, n) => {
    expect(codePointLength(s)).toBe(n);
  });
});
