import { afterEach, describe, expect, it, vi } from "vitest";
import { expectError, run } from "../testing";

describe("FormatDateTime", () => {
  const user = { createTime: 1700000000123, asText: "1700000000123", empty: "" };

  it.each([
    ['FormatDateTime(0, "yyyy-MM-dd HH:mm:ss")', "1970-01-01 00:00:00"],
    ['FormatDateTime(idpUser.createTime, "yyyyMMddHHmmss")', "20231114221320"],
    ['FormatDateTime(idpUser.createTime, "yyyy/MM/dd")', "2023/11/14"],
    ['FormatDateTime(idpUser.asText, "yyyy")', "2023"],
    ['FormatDateTime(-86400000, "yyyy-MM-dd")', "1969-12-31"],
    ['FormatDateTime(0, "yyyy年MM月dd日")', "1970年01月01日"],
    ['FormatDateTime(0, "y M d H m s yy")', "y M d H m s yy"],
    ['FormatDateTime(0, "")', ""],
    ['FormatDateTime(0, "😀yyyy")', "😀1970"],
    ['FormatDateTime(null, "yyyy")', null],
    ['FormatDateTime(idpUser.empty, "yyyy")', null],
    ["FormatDateTime(0, null)", null],
  ])("%s -> %j", (source, expected) => {
    expect(run(source, user)).toBe(expected);
  });

  it("rejects text that is not epoch milliseconds", () => {
    expectError('FormatDateTime("2023-01-01", "yyyy")', { code: "type", start: 15, end: 27 });
  });

  it("rejects a time outside the range of dates", () => {
    const error = expectError('FormatDateTime(9000000000000000, "yyyy")', { code: "type", start: 15, end: 31 });
    expect(error.params).toEqual({ reason: "invalid_date", value: 9e15 });
  });
});

describe("Now", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("returns the current time in epoch milliseconds", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2024-02-29T12:34:56Z"));
    expect(run("Now()")).toBe(Date.UTC(2024, 1, 29, 12, 34, 56));
    expect(run('FormatDateTime(Now(), "yyyy-MM-dd HH:mm:ss")')).toBe("2024-02-29 12:34:56");
  });

  it("takes no arguments", () => {
    expectError("Now(1)", { code: "arity", start: 0, end: 6 });
  });
});
