import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { caretSnippet } from "./snippet";
import { caught } from "./testing";

describe("caretSnippet", () => {
  it("underlines the range of an error", () => {
    const source = "Mid(idpUser.email, 1)";
    expect(
      caretSnippet(
        source,
        caught(() => compile(source)),
      ),
    ).toBe("Mid(idpUser.email, 1)\n^^^^^^^^^^^^^^^^^^^^^");
  });

  it("points one caret past the end for an error at the end of the input", () => {
    const source = "Append(a";
    expect(
      caretSnippet(
        source,
        caught(() => compile(source)),
      ),
    ).toBe("Append(a\n        ^");
  });

  it("shows only the line of the error", () => {
    const source = 'Append(\n  idpUser.email,\n  Lenght("x"))';
    expect(
      caretSnippet(
        source,
        caught(() => compile(source)),
      ),
    ).toBe('  Lenght("x"))\n  ^^^^^^');
  });

  it("gives wide characters two columns so the carets stay under them", () => {
    const source = '"张三" < 1';
    expect(caretSnippet(source, { start: 1, end: 3 })).toBe('"张三" < 1\n ^^^^');
  });

  it("cuts a long line around the range", () => {
    const source = `Append(${'"x", '.repeat(100)}bad!)`;
    const error = caught(() => compile(source));
    const [line, carets] = caretSnippet(source, error).split("\n");
    expect(line.startsWith("…")).toBe(true);
    expect(line.length).toBeLessThan(90);
    expect(line[carets.indexOf("^")]).toBe(source[error.start]);
  });

  it("keeps tabs so the caret lines up", () => {
    expect(caretSnippet("\tx y", { start: 3, end: 4 })).toBe("\tx y\n\t  ^");
  });
});
