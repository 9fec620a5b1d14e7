import type { BinaryNode, CallNode, Node, PathNode } from "./ast";
import { equals, less } from "./compare";
import { fail } from "./errors";
import { checkField, pathText, roots, type FieldCatalog, type Root } from "./fields";
import { functions } from "./functions";
import type { Context, Evaluator } from "./functions/types";
import { nearest } from "./suggest";
import { kindOf, ownField, readValue, type Value } from "./values";

export type State = {
  catalog: FieldCatalog | undefined;
  /** idpUser / idpOrganizationalUnit paths read, in order of appearance */
  paths: PathNode[];
  /** how many ArrayMap lambdas enclose the node: `__item` needs at least one */
  lambdas: number;
  /** nodes compiled so far, each of which may run once per evaluation (budget.ts) */
  nodes: number;
};

/**
 * Checks a node (functions, arity, fields, `__item`) and turns it into a
 * closure, once per compile; evaluation then runs closures only, with no AST
 * walk or name lookup per scope.
 */
export function toEvaluator(node: Node, state: State): Evaluator {
  state.nodes++;
  switch (node.kind) {
    case "literal": {
      const value = node.value;
      return () => value;
    }
    case "path":
      return pathEvaluator(node, state);
    case "unary": {
      const operand = toEvaluator(node.operand, state);
      const at = node.operand;
      return (ctx) => !truth(operand(ctx), "!", at);
    }
    case "binary":
      return binaryEvaluator(node, state);
    case "call":
      return callEvaluator(node, state);
  }
}

/** `!`, `&&` and `||` take booleans; null counts as false; anything else is a `type` error at the operand. */
function truth(value: Value, operator: string, at: Node): boolean {
  if (typeof value === "boolean") return value;
  if (value === null) return false;
  return fail({ reason: "operand", operator, actual: kindOf(value) }, at);
}

function binaryEvaluator(node: BinaryNode, state: State): Evaluator {
  const left = toEvaluator(node.left, state);
  const right = toEvaluator(node.right, state);
  const { op } = node;
  switch (op) {
    case "&&":
      return (ctx) => truth(left(ctx), op, node.left) && truth(right(ctx), op, node.right);
    case "||":
      return (ctx) => truth(left(ctx), op, node.left) || truth(right(ctx), op, node.right);
    case "==":
      return (ctx) => equals(left(ctx), right(ctx), node, ctx);
    case "!=":
      return (ctx) => !equals(left(ctx), right(ctx), node, ctx);
    default:
      return (ctx) => less(op, left(ctx), right(ctx), node, ctx);
  }
}

function callEvaluator(node: CallNode, state: State): Evaluator {
  const def = functions.get(node.name);
  if (def === undefined) {
    const suggestion = nearest(node.name, functions.keys());
    return fail({ reason: "unknown_function", name: node.name, suggestion }, { start: node.start, end: node.nameEnd });
  }
  const got = node.args.length;
  if (got < def.min || got > def.max || (def.pairs === true && got % 2 !== 0)) {
    const max = def.max === Infinity ? null : def.max;
    fail({ reason: "arity", name: def.name, min: def.min, max, got, pairs: def.pairs }, node);
  }
  const args: Evaluator[] = [];
  for (let i = 0; i < node.args.length; i++) {
    const lambda = i === def.lambda;
    if (lambda) state.lambdas++;
    args.push(toEvaluator(node.args[i], state));
    if (lambda) state.lambdas--;
  }
  return def.build(args, node);
}

const rootGetters: Record<Root | "__item", (ctx: Context) => unknown> = {
  idpUser: (ctx) => ctx.user,
  idpOrganizationalUnit: (ctx) => ctx.ou,
  __item: (ctx) => ctx.item,
};

function pathEvaluator(node: PathNode, state: State): Evaluator {
  const { root } = node;
  if (root === "__item") {
    if (state.lambdas === 0) fail({ reason: "item_outside_array_map", path: pathText(node) }, node);
  } else if (root === "idpUser" || root === "idpOrganizationalUnit") {
    if (state.catalog !== undefined) checkField(state.catalog, root, node);
    state.paths.push(node);
  } else {
    const known = state.lambdas > 0 ? [...roots, "__item"] : roots;
    fail({ reason: "unknown_root", path: pathText(node), root, suggestion: nearest(root, known) }, node);
  }
  const get = rootGetters[root];
  const segments = node.segments;
  const a = segments[0];
  const b = segments[1];
  const c = segments[2];
  // Specialised for the usual one to three segments: no loop, no array access.
  switch (node.segments.length) {
    case 0:
      return (ctx) => readValue(get(ctx));
    case 1:
      return (ctx) => readValue(ownField(get(ctx), a));
    case 2:
      return (ctx) => readValue(ownField(ownField(get(ctx), a), b));
    case 3:
      return (ctx) => readValue(ownField(ownField(ownField(get(ctx), a), b), c));
    default: {
      return (ctx) => {
        let value = get(ctx);
        for (let i = 0; i < segments.length; i++) value = ownField(value, segments[i]);
        return readValue(value);
      };
    }
  }
}
