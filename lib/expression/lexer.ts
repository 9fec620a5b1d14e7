import { fail } from "./errors";

export type TokenType =
  | "eof"
  | "ident"
  | "string"
  | "number"
  | "("
  | ")"
  | ","
  | "."
  | "||"
  | "&&"
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "!";

// Characters an IME or a word processor slips in; the error names the ASCII one.
const lookalikes: Record<string, string> = {
  "（": "(",
  "）": ")",
  "，": ",",
  "．": ".",
  "＂": '"',
  "“": '"',
  "”": '"',
  "'": '"',
  "‘": '"',
  "’": '"',
  "＝": "==",
  "！": "!",
  "＜": "<",
  "＞": ">",
  "＆": "&&",
  "｜": "||",
};

const escapes: Record<string, string> = { '"': '"', "\\": "\\", n: "\n", t: "\t" };

const isDigit = (c: number) => c >= 48 && c <= 57;
// 0-9 A-Z _ a-z; anything else below 128 ends a name.
const isAsciiIdent = (c: number) => (c >= 97 ? c <= 122 : c >= 65 ? c <= 90 || c === 95 : c >= 48 && c <= 57);
const wordChar = /[\p{L}\p{N}\p{M}_]/u;
const space = /\s/;

/**
 * Pull lexer: `next()` moves to the following token and exposes it in place
 * (type, start, end, value), so parsing allocates no token objects.
 */
export class Lexer {
  type: TokenType = "eof";
  start = 0;
  end = 0;
  value: string | number = "";
  protected pos = 0;

  constructor(readonly source: string) {}

  next(): void {
    const src = this.source;
    let pos = this.pos;
    for (;;) {
      this.start = pos;
      if (pos >= src.length) return this.token("eof", pos);
      const c = src.charCodeAt(pos);
      switch (c) {
        case 32:
        case 9:
        case 10:
        case 11:
        case 12:
        case 13:
          pos++;
          continue;
        case 34:
          return this.string(pos);
        case 40:
          return this.token("(", pos + 1);
        case 41:
          return this.token(")", pos + 1);
        case 44:
          return this.token(",", pos + 1);
        case 46:
          return this.token(".", pos + 1);
        case 60:
          return src.charCodeAt(pos + 1) === 61 ? this.token("<=", pos + 2) : this.token("<", pos + 1);
        case 62:
          return src.charCodeAt(pos + 1) === 61 ? this.token(">=", pos + 2) : this.token(">", pos + 1);
        case 33:
          return src.charCodeAt(pos + 1) === 61 ? this.token("!=", pos + 2) : this.token("!", pos + 1);
        case 61:
          return src.charCodeAt(pos + 1) === 61 ? this.token("==", pos + 2) : this.doubled("=", pos);
        case 38:
          return src.charCodeAt(pos + 1) === 38 ? this.token("&&", pos + 2) : this.doubled("&", pos);
        case 124:
          return src.charCodeAt(pos + 1) === 124 ? this.token("||", pos + 2) : this.doubled("|", pos);
        case 45:
          if (isDigit(src.charCodeAt(pos + 1))) return this.number(pos);
      }
      if (isDigit(c)) return this.number(pos);
      if (c < 128) {
        if (isAsciiIdent(c)) return this.ident(pos);
        break;
      }
      if (space.test(src[pos])) {
        pos++;
        continue;
      }
      if (wordChar.test(String.fromCodePoint(src.codePointAt(pos)!))) return this.ident(pos);
      break;
    }
    const character = String.fromCodePoint(src.codePointAt(pos)!);
    fail(
      { reason: "invalid_character", character, suggestion: lookalikes[character] },
      { start: pos, end: pos + character.length },
    );
  }

  /** A lone `=`, `&` or `|`: the language only has `==`, `&&` and `||`. */
  private doubled(one: string, pos: number): never {
    return fail({ reason: "expected", expected: [one + one], found: one }, { start: pos, end: pos + 1 });
  }

  private token(type: TokenType, end: number): void {
    this.type = type;
    this.end = this.pos = end;
  }

  private number(pos: number): void {
    const src = this.source;
    let end = pos + 1;
    while (isDigit(src.charCodeAt(end))) end++;
    if (src.charCodeAt(end) === 46 && isDigit(src.charCodeAt(end + 1))) {
      end += 2;
      while (isDigit(src.charCodeAt(end))) end++;
    }
    this.value = Number(src.slice(pos, end));
    this.token("number", end);
  }

  private ident(pos: number): void {
    const src = this.source;
    let end = pos;
    while (end < src.length) {
      const c = src.charCodeAt(end);
      if (c < 128) {
        if (!isAsciiIdent(c)) break;
        end++;
      } else if (wordChar.test(String.fromCodePoint(src.codePointAt(end)!))) {
        end += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      } else break;
    }
    this.value = src.slice(pos, end);
    this.token("ident", end);
  }

  private string(pos: number): void {
    const src = this.source;
    // Fast path: most strings have no escape, so one native search finds the end.
    const close = src.indexOf('"', pos + 1);
    if (close > 0) {
      const raw = src.slice(pos + 1, close);
      if (!raw.includes("\\")) {
        this.value = raw;
        return this.token("string", close + 1);
      }
    }
    let out = "";
    let from = pos + 1;
    for (let i = from; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c === 34) {
        this.value = out + src.slice(from, i);
        return this.token("string", i + 1);
      }
      if (c !== 92) continue;
      out += src.slice(from, i);
      const e = src[i + 1];
      if (e === "u") {
        const hex = src.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          fail(
            { reason: "invalid_escape", escape: src.slice(i, i + 2 + hex.length) },
            { start: i, end: i + 2 + hex.length },
          );
        }
        out += String.fromCharCode(parseInt(hex, 16));
        i += 5;
      } else if (e !== undefined && escapes[e] !== undefined) {
        out += escapes[e];
        i += 1;
      } else {
        const end = e === undefined ? i + 1 : i + 1 + String.fromCodePoint(src.codePointAt(i + 1)!).length;
        fail({ reason: "invalid_escape", escape: src.slice(i, end) }, { start: i, end });
      }
      from = i + 1;
    }
    fail({ reason: "unterminated_string" }, { start: pos, end: src.length });
  }
}
