import { describe, expect, it } from "vitest";
import { run } from "../testing";

const user = { displayName: "  zhang SAN  ", empty: "" };

type Row = [source: string, expected: unknown];

const table: Record<string, Row[]> = {
  Trim: [
    ['Trim("  a b  ")', "a b"],
    ['Trim("\\t x \\n")', "x"],
    ['Trim("\\u3000全角\\u3000")', "全角"],
    ['Trim("")', ""],
    ['Trim("   ")', ""],
    ['Trim(" 😀 ")', "😀"],
    ["Trim(idpUser.displayName)", "zhang SAN"],
    ["Trim(idpUser.missing)", null],
    ["Trim(idpUser.empty)", null],
  ],
  StripSpaces: [
    ['StripSpaces(" a b  c ")', "abc"],
    ['StripSpaces("山田\\u3000太郎")', "山田太郎"],
    ['StripSpaces("138 0013\\t8000")', "13800138000"],
    ['StripSpaces("")', ""],
    ['StripSpaces("😀 👍")', "😀👍"],
    ["StripSpaces(null)", null],
  ],
  ToLower: [
    ['ToLower("ÀBC")', "àbc"],
    ['ToLower("Zhang.San@Example.COM")', "zhang.san@example.com"],
    ['ToLower("ＡＢＣ")', "ａｂｃ"],
    ['ToLower("日本")', "日本"],
    ['ToLower("")', ""],
    ["ToLower(null)", null],
  ],
  ToUpper: [
    ['ToUpper("abc")', "ABC"],
    ['ToUpper("straße")', "STRASSE"],
    ['ToUpper("😀a")', "😀A"],
    ['ToUpper("かな")', "かな"],
    ['ToUpper("")', ""],
    ["ToUpper(idpUser.missing)", null],
  ],
  PCase: [
    ['PCase("john SMITH")', "John Smith"],
    ['PCase("  jean-luc  picard ")', "  Jean-luc  Picard "],
    ['PCase("élodie durand")', "Élodie Durand"],
    ['PCase("张三 li")', "张三 Li"],
    ['PCase("😀abc def")', "😀abc Def"],
    ['PCase("")', ""],
    ["PCase(idpUser.displayName)", "  Zhang San  "],
    ["PCase(null)", null],
  ],
  NormalizeDiacritics: [
    ['NormalizeDiacritics("Zoë Saldaña")', "Zoe Saldana"],
    ['NormalizeDiacritics("Crème Brûlée")', "Creme Brulee"],
    ['NormalizeDiacritics("São Paulo")', "Sao Paulo"],
    ['NormalizeDiacritics("Łódź")', "Lodz"],
    ['NormalizeDiacritics("Øre Đorđe")', "Ore Dorde"],
    // Voiced kana and Hangul decompose too, but must come back whole.
    ['NormalizeDiacritics("がぎぐ パ")', "がぎぐ パ"],
    ['NormalizeDiacritics("한국어")', "한국어"],
    ['NormalizeDiacritics("张三")', "张三"],
    ['NormalizeDiacritics("😀é")', "😀e"],
    ['NormalizeDiacritics("")', ""],
    ["NormalizeDiacritics(null)", null],
  ],
};

describe.each(Object.entries(table))("%s", (_name, rows) => {
  it.each(rows)("%s -> %j", (source, expected) => {
    expect(run(source, user)).toEqual(expected);
  });
});
