// Splits an expression into coloured pieces for the editor's mirror, with the error range marked.
export type TokenClass = "string" | "number" | "function" | "path" | "literal" | "operator" | "punct" | "space" | "other";
export type Piece = { text: string; cls: TokenClass; isError: boolean };

const TOKEN = /("(?:[^"\\\n]|\\.)*"?)|(-?\d+(?:\.\d+)?)|([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*\.?)|(\|\||&&|==|!=|<=|>=|[<>!])|([(),])|(\s+)|([^])/gy;

export function tokenize(source: string): { text: string; cls: TokenClass; start: number }[] {
  const out: { text: string; cls: TokenClass; start: number }[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < source.length && (m = TOKEN.exec(source))) {
    const [text, str, num, ident, op, punct, space] = m;
    let cls: TokenClass = "other";
    if (str) cls = "string";
    else if (num) cls = "number";
    else if (ident) {
      const rest = source.slice(m.index + text.length);
      cls = /^\s*\(/.test(rest) ? "function" : ["true", "false", "null"].includes(text) ? "literal" : "path";
    } else if (op) cls = "operator";
    else if (punct) cls = "punct";
    else if (space) cls = "space";
    out.push({ text, cls, start: m.index });
  }
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
