import type { CallNode } from "../ast";
import type { Value } from "../values";

export type ExpressionLocale = "en" | "zh-CN" | "ja";
export type Localized = { readonly [L in ExpressionLocale]: string };

/**
 * The state of one evaluation. Roots are kept raw (unknown) and read through
 * own-property lookups only; `item` is the current ArrayMap element.
 */
export type Context = {
  user: unknown;
  ou: unknown;
  item: unknown;
  /** ArrayMap element evaluations so far, against limits.iterations */
  iterations: number;
  /** work units left of limits.work (budget.ts) */
  budget: number;
};

/** A compiled node: the AST is turned into closures once, then run per scope. */
export type Evaluator = (ctx: Context) => Value;

export type FunctionDef = {
  readonly name: string;
  /** parameter names for help text; a leading "..." marks the variadic one */
  readonly params: readonly string[];
  readonly min: number;
  /** Infinity when variadic */
  readonly max: number;
  /** arguments after the first two come in key/value pairs (Switch) */
  readonly pairs?: boolean;
  /** index of the argument compiled as a lambda over `__item` (ArrayMap) */
  readonly lambda?: number;
  readonly description: Localized;
  readonly example: string;
  /** Builds the evaluator of a call once its arity is checked and its arguments compiled. */
  readonly build: (args: Evaluator[], call: CallNode) => Evaluator;
};
