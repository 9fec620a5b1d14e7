import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, toFieldValue, type Scope } from "./compile";
import { ExpressionError } from "./errors";
import { functionCatalog } from "./functions";
import type { Value } from "./values";
import { caretSnippet } from "./snippet";

const numRuns = 500;

/** true if v is plain JSON data: what Value promises. */
function isValue(v: unknown, depth = 0): boolean {
  if (depth > 200) return false;
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isValue(x, depth + 1));
  if (typeof v !== "object") return false;
  return Object.values(v).every((x) => isValue(x, depth + 1));
}

/** Runs `action`; anything thrown that is not an ExpressionError with a sane range fails the property. */
function valueOrExpressionError(source: string, action: () => unknown): void {
  try {
    const result = action();
    expect(isValue(result)).toBe(true);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    expect(error.start).toBeGreaterThanOrEqual(0);
    expect(error.end).toBeGreaterThanOrEqual(error.start);
    expect(error.end).toBeLessThanOrEqual(Math.max(source.length, error.start));
    expect(error.message.length).toBeGreaterThan(0);
    expect(typeof caretSnippet(source, error)).toBe("string");
  }
}

// Pieces of the language, so that random sources get past the lexer often.
const tokens = [
  "(",
  ")",
  ",",
  ".",
  "!",
  "&&",
  "||",
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  " ",
  '"a"',
  '"',
  "\\",
  "1",
  "-2.5",
  "true",
  "null",
  "idpUser",
  "__item",
  "email",
  "x",
  "=",
  "&",
  "，",
  "😀",
  "中",
  ...functionCatalog.map((f) => f.name),
];
const tokenSoup = fc.array(fc.constantFrom(...tokens), { maxLength: 30 }).map((parts) => parts.join(""));

const keys = fc.constantFrom("email", "name", "units", "a", "b", "constructor", "__proto__", "toString", "");
// fast-check types JSON objects with optional members; the data is the same.
const json = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Value>;
const scope: fc.Arbitrary<Scope> = fc.record({
  idpUser: fc.oneof(fc.dictionary(keys, json), fc.array(json, { maxLength: 4 })),
  idpOrganizationalUnit: fc.dictionary(keys, json),
});

// Expressions that mostly compile: real functions with their arity, paths over the same keys as the scope.
const literal = fc.oneof(
  fc.string({ maxLength: 6, unit: "grapheme" }).map((s) => JSON.stringify(s)),
  fc.integer({ min: -5, max: 20 }).map(String),
  fc.constantFrom("true", "false", "null", "0.5"),
);
const path = fc
  .tuple(
    fc.constantFrom("idpUser", "idpOrganizationalUnit", "__item"),
    fc.array(
      keys.filter((k) => k !== ""),
      { maxLength: 3 },
    ),
  )
  .map(([root, segments]) => [root, ...segments].join("."));
const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    literal,
    path,
    fc.tuple(fc.constantFrom(...functionCatalog), fc.array(tie("expr"), { maxLength: 5 })).map(([fn, args]) => {
      const count = Math.max(fn.minArgs, Math.min(args.length, fn.maxArgs ?? args.length));
      const padded = Array.from({ length: count }, (_, i) => args[i] ?? "null");
      return `${fn.name}(${padded.join(", ")})`;
    }),
    fc
      .tuple(tie("expr"), fc.constantFrom("&&", "||", "==", "!=", "<", "<=", ">", ">="), tie("expr"))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie("expr").map((e) => `!${e}`),
  ),
}));

describe("properties", () => {
  it("any string either compiles or throws an ExpressionError", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme", maxLength: 200 }), tokenSoup),
        (source) => {
          valueOrExpressionError(source, () => {
            compile(source);
            return null;
          });
        },
      ),
      { numRuns },
    );
  });

  it("any compiled expression on any JSON scope gives a Value or an ExpressionError", () => {
    fc.assert(
      fc.property(expr, scope, (source, s) => {
        valueOrExpressionError(source, () => compile(source).evaluate(s));
      }),
      { numRuns },
    );
  });

  it("token soup on any JSON scope gives a Value or an ExpressionError", () => {
    fc.assert(
      fc.property(tokenSoup, scope, (source, s) => {
        valueOrExpressionError(source, () => compile(source).evaluate(s));
      }),
      { numRuns },
    );
  });

  it("toFieldValue gives a string, null or a type error", () => {
    fc.assert(
      fc.property(json, (value) => {
        try {
          const text = toFieldValue(value);
          expect(text === null || typeof text === "string").toBe(true);
          if (typeof value === "string") expect(text).toBe(value);
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionError);
          expect((error as ExpressionError).code).toBe("type");
          expect(typeof value === "object" && value !== null).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  it("evaluation is repeatable: the same scope gives the same result", () => {
    fc.assert(
      fc.property(
        expr.filter((e) => !e.includes("Now(")),
        scope,
        (source, s) => {
          let first: unknown;
          try {
            const compiled = compile(source);
            first = compiled.evaluate(s);
            expect(compiled.evaluate(s)).toEqual(first);
          } catch (error) {
            if (!(error instanceof ExpressionError)) throw error;
          }
        },
      ),
      { numRuns },
    );
  });
});
