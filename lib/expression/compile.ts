import type { Node, PathNode, Range } from "./ast";
import { fail } from "./errors";
import { perNode } from "./budget";
import { toEvaluator } from "./evaluator";
import type { Context, Evaluator } from "./functions/types";
import { pathText, type FieldCatalog } from "./fields";
import { limits } from "./limits";
import { parse } from "./parser";
import { kindOf, scalarText, type Value } from "./values";

export type CompileOptions = { fields?: FieldCatalog };

/** The variables an expression reads; anything else in the scope is ignored. */
export type Scope = { idpUser?: object; idpOrganizationalUnit?: object };

export type CompiledExpression = {
  readonly source: string;
  readonly ast: Node;
  /** idpUser / idpOrganizationalUnit paths the expression reads, e.g. "idpUser.email", in order of appearance */
  readonly fields: readonly string[];
  /** Runs the expression; throws ExpressionError (type or limit) on bad data. */
  evaluate(scope: Scope): Value;
};

/** Parses and checks once; throws ExpressionError. */
export function compile(source: string, options: CompileOptions = {}): CompiledExpression {
  const ast = parse(source);
  const paths: PathNode[] = [];
  const state = { catalog: options.fields, paths, lambdas: 0, nodes: 0 };
  const run = toEvaluator(ast, state);
  const fields: string[] = [];
  for (const path of paths) {
    const text = pathText(path);
    if (!fields.includes(text)) fields.push(text);
  }
  return { source, ast, fields, evaluate: entry(run, state.nodes) };
}

// A returned arrow, not one written in the object literal: a named function
// would get a defineProperty("name") per compile under esbuild's keepNames (tsx).
function entry(run: Evaluator, nodes: number): CompiledExpression["evaluate"] {
  const budget = startingBudget(nodes);
  return (scope) => run(contextFor(scope, budget));
}

/** The work budget an evaluation starts with: limits.work less its `nodes`, each of which may run once. */
export function startingBudget(nodes: number): number {
  return limits.work - perNode * nodes;
}

/** The state one evaluation starts from: the scope's roots and the work budget. */
export function contextFor(scope: Scope, budget: number): Context {
  return { user: scope.idpUser, ou: scope.idpOrganizationalUnit, item: undefined, iterations: 0, budget };
}

// Bounded so that a stream of distinct sources (live preview keystrokes) cannot grow memory.
const cacheSize = 500;
const plainCache = new Map<string, CompiledExpression>();
const catalogCaches = new WeakMap<FieldCatalog, Map<string, CompiledExpression>>();

/** compile() then evaluate, compiling each distinct source (per field catalogue) once. */
export function evaluate(source: string, scope: Scope, options: CompileOptions = {}): Value {
  let cache = plainCache;
  if (options.fields !== undefined) {
    cache = catalogCaches.get(options.fields) ?? new Map();
    catalogCaches.set(options.fields, cache);
  }
  let compiled = cache.get(source);
  if (compiled === undefined) {
    compiled = compile(source, options);
    if (cache.size >= cacheSize) cache.clear();
    cache.set(source, compiled);
  }
  return compiled.evaluate(scope);
}

/**
 * The text written to a DingTalk field: strings as they are, numbers in plain
 * decimal, booleans as true/false, null for "leave empty". Arrays and objects
 * are a `type` error, at `at` (e.g. the compiled expression's `ast`) if given.
 */
export function toFieldValue(value: Value, at: Range = { start: 0, end: 0 }): string | null {
  if (value === null) return null;
  const text = scalarText(value);
  return text === undefined ? fail({ reason: "field_value", actual: kindOf(value) }, at) : text;
}
