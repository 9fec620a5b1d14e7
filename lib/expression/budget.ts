import type { Node, Range } from "./ast";
import { fail } from "./errors";
import type { Context } from "./functions/types";
import { limits } from "./limits";

// The work budget of one evaluation (limits.work). The other limits bound each
// piece (nodes, string length, ArrayMap size) but not their product: nested
// ArrayMaps over Replace chains fed to PCase stayed within all of them and ran
// for minutes. So all work is charged, in units of roughly 1 to 8 ns:
// - every node, perNode units: the expression's once per evaluation, an ArrayMap
//   expression's again per element, before mapping (an upper bound on the calls and
//   operators evaluated, so the per-call path stays free of counting);
// - every loop step inside a function, perStep units: a part Split makes, an element
//   Join, ArrayJoin or ObjectToJsonString visits, a match Replace replaces, an
//   element `==` or Switch compares;
// - every character a function reads (before the work, times a weight for those that
//   do per-character work in JavaScript or regular expressions: PCase, FormatDateTime...)
//   and every character it produces, including what IIF, Switch and Coalesce pass on.
// Charges come before the work they pay for wherever its size is known up front
// (Replace computes its result's length from the number of matches).

/** Units per loop step inside a function (an element joined, a part split, a match replaced). */
export const perStep = 8;

/** Units per node an ArrayMap element may evaluate. */
export const perNode = 2;

/** Spends `units` of the budget; past it, a `limit` error at `at`, the call or node that ran out. */
export function spend(ctx: Context, units: number, at: Range): void {
  if ((ctx.budget -= units) < 0) fail({ reason: "limit", limit: "work", max: limits.work }, at);
}

/** Characters of a string, else 0: what a value costs to read or to produce. */
export function textLength(value: unknown): number {
  return typeof value === "string" ? value.length : 0;
}

/** Nodes in a subtree: what one evaluation of it can cost at most, before any function's own work. */
export function nodeCount(node: Node): number {
  switch (node.kind) {
    case "literal":
    case "path":
      return 1;
    case "unary":
      return 1 + nodeCount(node.operand);
    case "binary":
      return 1 + nodeCount(node.left) + nodeCount(node.right);
    case "call":
      return node.args.reduce((n, arg) => n + nodeCount(arg), 1);
  }
}
