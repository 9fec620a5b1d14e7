import type { BinaryOperator, Node, PathNode } from "./ast";
import { fail } from "./errors";
import { Lexer, type TokenType } from "./lexer";
import { limits } from "./limits";
import { codePointOffset } from "./values";

/**
 * Recursive descent with precedence climbing, loosest first: `||`, `&&`,
 * `==` `!=`, `<` `<=` `>` `>=`, unary `!`, primary. Parentheses, calls and `!` each add a
 * nesting level; past limits.depth the parse stops with a `limit` error, so the
 * recursion stays shallow whatever the input. Operator chains (`a || b || c`)
 * are loops, not recursion; the node limit bounds them.
 */
export function parse(source: string): Node {
  // Characters are code points; a source can only be too long if it has more UTF-16 units than the limit.
  if (source.length > limits.sourceLength) {
    const start = codePointOffset(source, limits.sourceLength);
    if (start < source.length)
      fail({ reason: "limit", limit: "sourceLength", max: limits.sourceLength }, { start, end: source.length });
  }
  return new Parser(source).parseRoot();
}

/** Binding strength of the binary operators, loosest first; other tokens have none. */
const levels: Partial<Record<TokenType, number>> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
};

// The parser is the lexer plus grammar: the current token is read from `this`.
class Parser extends Lexer {
  private depth = 0;
  private nodes = 0;

  constructor(source: string) {
    super(source);
    this.next();
  }

  parseRoot(): Node {
    const node = this.parseBinary(1);
    if (this.type !== "eof") this.unexpected(["operator", "end"]);
    return node;
  }

  /**
   * Precedence climbing: one loop per level that actually occurs, instead of a
   * call per level per operand. Operators of one level associate to the left.
   */
  private parseBinary(min: number): Node {
    let left = this.parseUnary();
    for (;;) {
      const op = this.type;
      const level = levels[op] ?? 0;
      if (level < min) return left;
      this.next();
      left = this.binary(op, left, this.parseBinary(level + 1));
    }
  }

  private parseUnary(): Node {
    if (this.type !== "!") return this.parsePrimary();
    const start = this.start;
    this.enter(start, this.end);
    this.next();
    const operand = this.parseUnary();
    this.depth--;
    return this.count({ kind: "unary", op: "!", operand, start, end: operand.end });
  }

  private parsePrimary(): Node {
    const { start, end } = this;
    switch (this.type) {
      case "number":
      case "string": {
        const value = this.value;
        this.next();
        return this.count({ kind: "literal", value, start, end });
      }
      case "ident": {
        const name = this.value as string;
        this.next();
        if (this.is("(")) return this.parseCall(name, start, end);
        if (name === "true" || name === "false" || name === "null") {
          return this.count({ kind: "literal", value: name === "null" ? null : name === "true", start, end });
        }
        return this.parsePath(name, start, end);
      }
      case "(": {
        this.enter(start, end);
        this.next();
        const inner = this.parseBinary(1);
        if (!this.is(")")) this.unexpected([")"]);
        this.next();
        this.depth--;
        return inner;
      }
      default:
        return this.unexpected(["expression"]);
    }
  }

  private parseCall(name: string, start: number, nameEnd: number): Node {
    this.enter(start, this.end);
    this.next();
    const args: Node[] = [];
    if (this.type !== ")") {
      for (;;) {
        args.push(this.parseBinary(1));
        if (this.is(")")) break;
        if (this.type !== ",") this.unexpected([",", ")"], args.length);
        this.next();
      }
    }
    const end = this.end;
    this.next();
    this.depth--;
    return this.count({ kind: "call", name, nameEnd, args, start, end });
  }

  private parsePath(root: string, start: number, rootEnd: number): Node {
    const node: PathNode = { kind: "path", root, segments: [], start, end: rootEnd };
    while (this.type === ".") {
      this.next();
      if (!this.is("ident")) this.unexpected(["field_name"]);
      node.segments.push(this.value as string);
      node.end = this.end;
      this.next();
    }
    if (this.is("(")) {
      fail({ reason: "member_call", path: [root, ...node.segments].join(".") }, { start, end: this.end });
    }
    return this.count(node);
  }

  private binary(op: TokenType, left: Node, right: Node): Node {
    return this.count({ kind: "binary", op: op as BinaryOperator, left, right, start: left.start, end: right.end });
  }

  // A method, not `this.type === x` inline: TypeScript would keep the type it
  // narrowed before `this.next()` changed the token.
  private is(type: TokenType): boolean {
    return this.type === type;
  }

  private enter(start: number, end: number): void {
    if (++this.depth > limits.depth) fail({ reason: "limit", limit: "depth", max: limits.depth }, { start, end });
  }

  private count<N extends Node>(node: N): N {
    if (++this.nodes > limits.nodes) fail({ reason: "limit", limit: "nodes", max: limits.nodes }, node);
    return node;
  }

  private unexpected(expected: string[], argument?: number): never {
    const { type, start, end, source } = this;
    const found = type === "eof" ? null : source.slice(start, Math.min(end, start + 40));
    return fail({ reason: "expected", expected, found, argument }, { start, end });
  }
}
