import type { Range } from "./ast";

// Columns a monospace font gives East Asian wide characters and emoji, so the
// carets stay under a Chinese or Japanese range.
const wide =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const columns = (s: string) => Array.from(s).reduce((n, ch) => n + (ch === "\t" ? 1 : wide.test(ch) ? 2 : 1), 0);

/**
 * The source line holding the error with `^` under its range, for a monospace
 * block in the UI:
 *
 *     Mid(idpUser.email, 1)
 *     ^^^^^^^^^^^^^^^^^^^^^
 *
 * A range that spans lines is underlined to the end of its first line; a long
 * line is cut to about `width` columns around the range, marked with "…".
 */
export function caretSnippet(source: string, range: Range, width = 80): string {
  const start = Math.min(Math.max(range.start, 0), source.length);
  const lineStart = source.lastIndexOf("\n", start - 1) + 1;
  const newline = source.indexOf("\n", start);
  const lineEnd = newline < 0 ? source.length : newline;
  const end = Math.min(Math.max(range.end, start), lineEnd);

  let from = lineStart;
  let to = lineEnd;
  if (columns(source.slice(lineStart, lineEnd)) > width) {
    from = Math.max(lineStart, start - Math.floor(width / 3));
    to = Math.min(lineEnd, Math.max(end, from + width));
  }
  const before = (from > lineStart ? "…" : "") + source.slice(from, start);
  const line = before + source.slice(start, to) + (to < lineEnd ? "…" : "");
  // Keep tabs in the caret line so they expand exactly as in the source line.
  const pad = Array.from(before)
    .map((ch) => (ch === "\t" ? "\t" : " ".repeat(wide.test(ch) ? 2 : 1)))
    .join("");
  const carets = "^".repeat(Math.max(1, columns(source.slice(start, end))));
  return `${line}\n${pad}${carets}`;
}
