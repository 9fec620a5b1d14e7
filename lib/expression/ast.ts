// AST produced by the parser. Every node carries the 0-based, end-exclusive
// character range it was parsed from, so any later error can point at it.
export type Range = { start: number; end: number };

export type LiteralNode = Range & {
  kind: "literal";
  value: string | number | boolean | null;
};

/** `root.a.b`: root is idpUser, idpOrganizationalUnit or __item (checked by the compiler). */
export type PathNode = Range & {
  kind: "path";
  root: string;
  segments: string[];
};

export type CallNode = Range & {
  kind: "call";
  name: string;
  /** end of the function name, for errors about the name alone */
  nameEnd: number;
  args: Node[];
};

export type UnaryNode = Range & {
  kind: "unary";
  op: "!";
  operand: Node;
};

export type BinaryOperator = "||" | "&&" | "==" | "!=" | "<" | "<=" | ">" | ">=";

export type BinaryNode = Range & {
  kind: "binary";
  op: BinaryOperator;
  left: Node;
  right: Node;
};

export type Node = LiteralNode | PathNode | CallNode | UnaryNode | BinaryNode;
