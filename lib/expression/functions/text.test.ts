import { describe, expect, it } from "vitest";
import { expectError, run } from "../testing";

const user = { email: "zhang.san@example.com", empty: "", phone: "138-0013-8000", employeeNumber: 123456 };

type Row = [source: string, expected: unknown];

const table: Record<string, Row[]> = {
  SubstringBefore: [
    ['SubstringBefore("a@b.com", "@")', "a"],
    ['SubstringBefore("a@b@c", "@")', "a"],
    ['SubstringBefore("abc", "@")', "abc"],
    ['SubstringBefore("", "@")', ""],
    ['SubstringBefore("abc", "")', ""],
    ['SubstringBefore(idpUser.email, "@")', "zhang.san"],
    ['SubstringBefore(idpUser.missing, "@")', null],
    ['SubstringBefore(idpUser.empty, "@")', null],
    ['SubstringBefore("abc", null)', null],
    ['SubstringBefore("张三@例子.中国", "@")', "张三"],
    ['SubstringBefore("山田・太郎", "・")', "山田"],
    ['SubstringBefore("😀|👍", "|")', "😀"],
    ['SubstringBefore(12.5, ".")', "12"],
  ],
  SubstringAfter: [
    ['SubstringAfter("a@b.com", "@")', "b.com"],
    ['SubstringAfter("a@b@c", "@")', "b@c"],
    ['SubstringAfter("abc", "@")', ""],
    ['SubstringAfter("abc", "")', "abc"],
    ['SubstringAfter("", "@")', ""],
    ['SubstringAfter(idpUser.email, "@")', "example.com"],
    ['SubstringAfter(null, "@")', null],
    ['SubstringAfter("abc", idpUser.missing)', null],
    ['SubstringAfter("张三@例子.中国", "@")', "例子.中国"],
    ['SubstringAfter("東京都/渋谷区", "/")', "渋谷区"],
    ['SubstringAfter("😀|👍", "|")', "👍"],
  ],
  Mid: [
    ['Mid("abcdef", 2, 3)', "bcd"],
    ['Mid("abcdef", 1, 6)', "abcdef"],
    ['Mid("abc", 2, 10)', "bc"],
    ['Mid("abc", 4, 1)', ""],
    ['Mid("abc", 50, 2)', ""],
    ['Mid("abc", 0, 2)', "ab"],
    ['Mid("abc", -3, 2)', "ab"],
    ['Mid("abc", 1, 0)', ""],
    ['Mid("abc", 1, -1)', ""],
    ['Mid("abcdef", 2.9, 2.9)', "bc"],
    ['Mid("", 1, 1)', ""],
    ['Mid("中华人民共和国", 3, 2)', "人民"],
    ['Mid("ひらがなカタカナ", 5, 4)', "カタカナ"],
    ['Mid("a😀b👍c", 2, 3)', "😀b👍"],
    ['Mid("😀😀😀", 2, 1)', "😀"],
    ["Mid(idpUser.phone, 5, 4)", "0013"],
    ["Mid(null, 1, 1)", null],
    ['Mid("abc", null, 1)', null],
    ['Mid("abc", 1, idpUser.missing)', null],
  ],
  Left: [
    ['Left("abc", 2)', "ab"],
    ['Left("abc", 0)', ""],
    ['Left("abc", -1)', ""],
    ['Left("abc", 10)', "abc"],
    ['Left("", 1)', ""],
    ['Left("日本語", 2)', "日本"],
    ['Left("张三丰", 1)', "张"],
    ['Left("😀👍", 1)', "😀"],
    ["Left(idpUser.employeeNumber, 3)", "123"],
    ["Left(null, 2)", null],
    ['Left("abc", null)', null],
  ],
  Right: [
    ['Right("abc", 2)', "bc"],
    ['Right("abc", 0)', ""],
    ['Right("abc", -2)', ""],
    ['Right("abc", 5)', "abc"],
    ['Right("", 3)', ""],
    ['Right("東京都", 1)', "都"],
    ['Right("a😀👍", 2)', "😀👍"],
    ["Right(idpUser.phone, 4)", "8000"],
    ["Right(12345, 2)", "45"],
    ["Right(idpUser.missing, 2)", null],
  ],
  Replace: [
    ['Replace("a-b-c", "-", "")', "abc"],
    ['Replace("aaa", "a", "b")', "bbb"],
    ['Replace("aaa", "a", "$&")', "$&$&$&"],
    ['Replace("abc", "", "x")', "abc"],
    ['Replace("abc", "x", "y")', "abc"],
    ['Replace("", "a", "b")', ""],
    ['Replace("中文中文", "中", "汉")', "汉文汉文"],
    ['Replace("カタカナ", "カ", "か")', "かタかナ"],
    ['Replace("a", "a", "😀")', "😀"],
    ['Replace(idpUser.phone, "-", " ")', "138 0013 8000"],
    ['Replace(null, "a", "b")', null],
    ['Replace("abc", null, "b")', null],
    ['Replace("abc", "a", null)', null],
  ],
  Length: [
    ['Length("abc")', 3],
    ['Length("")', 0],
    ['Length("日本語")', 3],
    ['Length("张三")', 2],
    ['Length("😀👍")', 2],
    // Code points, not graphemes: man, ZWJ, woman, ZWJ, girl.
    ['Length("👨‍👩‍👧")', 5],
    ["Length(12345)", 5],
    ["Length(true)", 4],
    ["Length(idpUser.missing)", null],
    ["Length(idpUser.empty)", null],
  ],
  Split: [
    ['Split("a,b,,c", ",")', ["a", "b", "", "c"]],
    ['Split("abc", "x")', ["abc"]],
    ['Split("abc", "")', ["a", "b", "c"]],
    ['Split("", ",")', [""]],
    ['Split("東京,大阪", ",")', ["東京", "大阪"]],
    ['Split("😀👍", "")', ["😀", "👍"]],
    ['Split(idpUser.email, ".")', ["zhang", "san@example", "com"]],
    ['Split(null, ",")', null],
    ['Split("a,b", null)', null],
  ],
};

describe.each(Object.entries(table))("%s", (_name, rows) => {
  it.each(rows)("%s -> %j", (source, expected) => {
    expect(run(source, user)).toEqual(expected);
  });
});

describe("text function argument types", () => {
  it.each([
    ['Mid("abc", "2", 1)', 11, 14],
    ['Left("abc", "1")', 12, 15],
    ['Right("abc", true)', 13, 17],
    ['SubstringBefore(idpUser.list, "@")', 16, 28],
    ['Replace("a", "b", idpUser.object)', 18, 32],
    ["Length(idpUser.list)", 7, 19],
  ])("%s is a type error at the argument", (source, start, end) => {
    expectError(source, { code: "type", start, end }, { idpUser: { list: [1], object: { a: 1 } } });
  });

  it("names the function, the argument and both types", () => {
    const error = expectError('Mid("abc", "2", 1)', { code: "type", start: 11, end: 14 });
    expect(error.params).toEqual({
      reason: "argument",
      function: "Mid",
      argument: 2,
      expected: "number",
      actual: "string",
    });
    expect(error.message).toBe("Mid expects a number as argument 2, got a string");
  });
});
