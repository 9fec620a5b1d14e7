// Syntax colours for the expression editor, from the language's own lexer: what
// is coloured a string or a path is exactly what the parser will read as one.
import { ExpressionError, Lexer } from "@/lib/expression";

export type TokenClass =
  "string" | "number" | "function" | "path" | "literal" | "operator" | "punct" | "space" | "other";
export type Token = { text: string; cls: TokenClass; start: number };
export type Piece = { text: string; cls: TokenClass; isError: boolean };

const LITERALS = new Set(["true", "false", "null"]);

/** A lexer that can skip past a character it refused, so colouring goes on after a typo. */
class ResumingLexer extends Lexer {
  seek(pos: number): void {
    this.pos = pos;
  }
}

type Raw = { type: string; start: number; end: number; value: string | number };

/** The lexer's tokens, with a refused stretch as one "bad" token (a string up to its closing quote). */
function lex(source: string): Raw[] {
  const lexer = new ResumingLexer(source);
  const raws: Raw[] = [];
  for (;;) {
    try {
      lexer.next();
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      const end = source[lexer.start] === '"' ? stringEnd(source, lexer.start) : Math.max(err.end, lexer.start + 1);
      raws.push({ type: source[lexer.start] === '"' ? "string" : "bad", start: lexer.start, end, value: "" });
      lexer.seek(end);
      continue;
    }
    if (lexer.type === "eof") return raws;
    raws.push({ type: lexer.type, start: lexer.start, end: lexer.end, value: lexer.value });
  }
}

/** The end of a string literal that has a bad escape or no closing quote. */
function stringEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === '"') return i + 1;
  }
  return source.length;
}

function classOf(raws: Raw[], i: number): TokenClass {
  const raw = raws[i];
  switch (raw.type) {
    case "string":
      return "string";
    case "number":
      return "number";
    case "ident":
      if (raws[i + 1]?.type === "(") return "function";
      // A name after a dot is a path segment, even `.null`.
      if (raws[i - 1]?.type !== "." && LITERALS.has(String(raw.value))) return "literal";
      return "path";
    case ".":
      return "path";
    case "(":
    case ")":
    case ",":
      return "punct";
    case "bad":
      return "other";
    default:
      return "operator";
  }
}

/**
 * The source as tokens, whitespace included, so their texts join back into the
 * source. A path (`idpUser.email`, or `idpUser . email` as the parser also reads it)
 * is one token.
 */
export function tokenize(source: string): Token[] {
  const raws = lex(source);
  const out: Token[] = [];
  let pos = 0;
  raws.forEach((raw, i) => {
    const cls = classOf(raws, i);
    const last = out.at(-1);
    if (cls === "path" && last?.cls === "path") {
      last.text = source.slice(last.start, raw.end);
    } else {
      if (raw.start > pos) out.push({ text: source.slice(pos, raw.start), cls: "space", start: pos });
      out.push({ text: source.slice(raw.start, raw.end), cls, start: raw.start });
    }
    pos = raw.end;
  });
  if (pos < source.length) out.push({ text: source.slice(pos), cls: "space", start: pos });
  return out;
}

/** Pieces with the error's [start, end) range split out; an empty range at the end marks one trailing cell. */
export function highlight(source: string, error?: { start: number; end: number }): Piece[] {
  const pieces: Piece[] = [];
  for (const token of tokenize(source)) {
    const end = token.start + token.text.length;
    if (!error || error.end <= token.start || error.start >= end) {
      pieces.push({ text: token.text, cls: token.cls, isError: false });
      continue;
    }
    const a = Math.max(error.start, token.start) - token.start;
    const b = Math.min(error.end, end) - token.start;
    if (a > 0) pieces.push({ text: token.text.slice(0, a), cls: token.cls, isError: false });
    pieces.push({ text: token.text.slice(a, b), cls: token.cls, isError: true });
    if (b < token.text.length) pieces.push({ text: token.text.slice(b), cls: token.cls, isError: false });
  }
  if (error && error.start >= source.length) pieces.push({ text: " ", cls: "other", isError: true });
  return pieces;
}

/** The word being typed before the caret, for completion. */
export function wordBefore(source: string, caret: number): { start: number; word: string } {
  const match = /[A-Za-z_][\w.]*$/.exec(source.slice(0, caret));
  return match ? { start: caret - match[0].length, word: match[0] } : { start: caret, word: "" };
}
