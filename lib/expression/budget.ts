import type { Node, Range } from "./ast";
import { fail } from "./errors";
import type { Context } from "./functions/types";
import { limits } from "./limits";

// The work budget of one evaluation (limits.work). The other limits bound each
// piece (nodes, string length, ArrayMap size) but not their product: nested
// ArrayMaps over Replace chains fed to PCase stayed within all of them and ran
// for minutes. So all work is charged, in units of roughly 1 to 8 ns, and the
// budget runs down on the evaluation's Context:
// - every node, perNode units, as an upper bound on the calls and operators run: the
//   whole expression's when the evaluation starts (compile.ts), an ArrayMap expression's
//   again for each element, before mapping; so a call itself costs no counting;
// - every loop step inside a function, perStep units, before the loop where the count is
//   known: an element ArrayMap, Join, ArrayJoin or ObjectToJsonString visits, a part
//   Split makes, a match Replace replaces, an element `==` or Switch compares;
// - every character a function reads and produces: the string functions (args.ts)
//   pay perChar units per character of their arguments before they run, 2 for a
//   read and a result no longer than it, up to 9 for PCase, NormalizeDiacritics and
//   FormatDateTime; Replace pays for its result from the number of matches before
//   building it; Append, Join, ArrayJoin and ObjectToJsonString for what they write;
//   IIF, Switch and Coalesce for the text they pass on; `==` and `<` for the characters
//   they compare.

/** Units per loop step inside a function (an element joined, a part split, a match replaced). */
export const perStep = 8;

/** Units per node that may run: once per evaluation, and per ArrayMap element for its expression. */
export const perNode = 2;

/** Spends `units` of the budget; past it, a `limit` error at `at`, the call or node that ran out. */
export function spend(ctx: Context, units: number, at: Range): void {
  if ((ctx.budget -= units) < 0) exhausted(at);
}

// Apart from spend(), which runs on every call and should stay small enough to inline.
function exhausted(at: Range): never {
  return fail({ reason: "limit", limit: "work", max: limits.work }, at);
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
