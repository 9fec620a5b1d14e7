// Every hard limit of the language in one place (EXPRESSIONS.md, Limits), so the
// parser, the evaluator and the tests agree on the same numbers.
export const limits = {
  /** characters of source, checked before lexing */
  sourceLength: 4096,
  /** nesting of parentheses, calls and `!`; also the depth of JSON walked by ObjectToJsonString and `==` */
  depth: 32,
  /** AST nodes in one expression */
  nodes: 500,
  /** code points in any string a function produces */
  stringLength: 10_000,
  /** elements of one ArrayMap input */
  arrayLength: 1000,
  /** ArrayMap element evaluations in one evaluation, so nested ArrayMaps cannot multiply into a hang */
  iterations: 10_000,
  /** work units one evaluation may spend (budget.ts says what is charged); about 100x the costliest real mapping */
  work: 2_500_000,
} as const;

export type LimitName = keyof typeof limits;
