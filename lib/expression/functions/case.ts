import { strict1, text } from "./args";
import type { FunctionDef } from "./types";

// Work units per character (budget.ts) for the functions slower than a copy (2):
// StripSpaces runs a regular expression, PCase calls back per word, NormalizeDiacritics
// decomposes and recomposes; measured at 10, 70 and 20-50 ns a character.
const perChar = { stripSpaces: 3, pCase: 9, normalize: 9 };

// Letters with no Unicode decomposition that people still expect plain.
const plain: Record<string, string> = { ø: "o", Ø: "O", ł: "l", Ł: "L", đ: "d", Đ: "D", ħ: "h", Ħ: "H" };

/**
 * Only the combining diacritics block is removed and the text recomposed (NFC),
 * so Japanese voiced kana (が = か + U+3099) and Hangul survive intact.
 */
function normalizeDiacritics(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .replace(/[øØłŁđĐħĦ]/g, (c) => plain[c]);
}

function pCase(s: string): string {
  return s.toLowerCase().replace(/(^|\s)(\S)/gu, (_, space: string, first: string) => space + first.toUpperCase());
}

export const caseFunctions: FunctionDef[] = [
  {
    name: "Trim",
    params: ["s"],
    min: 1,
    max: 1,
    description: {
      en: "s without leading and trailing white space (including full-width spaces).",
      "zh-CN": "去掉 s 首尾的空白（包括全角空格）。",
      ja: "s の前後の空白（全角スペースを含む）を除きます。",
    },
    example: "Trim(idpUser.displayName)",
    build: strict1(text, (s) => s.trim()),
  },
  {
    name: "StripSpaces",
    params: ["s"],
    min: 1,
    max: 1,
    description: {
      en: "s without any white space characters.",
      "zh-CN": "去掉 s 中所有空白字符。",
      ja: "s からすべての空白文字を除きます。",
    },
    example: "StripSpaces(idpUser.phoneNumber)",
    build: strict1(text, (s) => s.replace(/\s+/g, ""), perChar.stripSpaces),
  },
  {
    name: "ToLower",
    params: ["s"],
    min: 1,
    max: 1,
    description: { en: "s in lower case.", "zh-CN": "把 s 转为小写。", ja: "s を小文字にします。" },
    example: "ToLower(idpUser.email)",
    build: strict1(text, (s) => s.toLowerCase()),
  },
  {
    name: "ToUpper",
    params: ["s"],
    min: 1,
    max: 1,
    description: { en: "s in upper case.", "zh-CN": "把 s 转为大写。", ja: "s を大文字にします。" },
    example: "ToUpper(idpUser.username)",
    build: strict1(text, (s) => s.toUpperCase()),
  },
  {
    name: "PCase",
    params: ["s"],
    min: 1,
    max: 1,
    description: {
      en: "Each space-separated word with its first letter upper case and the rest lower case.",
      "zh-CN": "每个以空白分隔的单词首字母大写、其余小写。",
      ja: "空白で区切られた各単語の先頭を大文字、残りを小文字にします。",
    },
    example: "PCase(idpUser.displayName)",
    build: strict1(text, pCase, perChar.pCase),
  },
  {
    name: "NormalizeDiacritics",
    params: ["s"],
    min: 1,
    max: 1,
    description: {
      en: "Accented Latin letters replaced by their plain forms (é -> e).",
      "zh-CN": "把带变音符号的拉丁字母换成普通字母（é -> e）。",
      ja: "アクセント付きのラテン文字を基本の文字に置き換えます（é -> e）。",
    },
    example: "NormalizeDiacritics(idpUser.displayName)",
    build: strict1(text, normalizeDiacritics, perChar.normalize),
  },
];
