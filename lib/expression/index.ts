// The field-mapping expression language (shared/EXPRESSIONS.md): pure
// TypeScript with no Next.js, Prisma or Node-only imports, so the mapping
// screen runs it in the browser and the server runs it for validation and sync.
export type { BinaryNode, CallNode, LiteralNode, Node, PathNode, Range, UnaryNode } from "./ast";
export { compile, evaluate, toFieldValue, type CompileOptions, type CompiledExpression, type Scope } from "./compile";
export { ExpressionError, type ErrorParams, type ErrorReason, type ExpressionErrorCode } from "./errors";
export { hasPath, standardFields, type FieldCatalog, type FieldTree } from "./fields";
export { functionCatalog, functionGroups, type FunctionGroup, type FunctionInfo } from "./functions";
export type { ExpressionLocale } from "./functions/types";
export { Lexer, type TokenType } from "./lexer";
export { limits, type LimitName } from "./limits";
export { suggestedFix, type SuggestedFix } from "./fix";
export { formatExpressionError } from "./messages/format";
export { caretSnippet } from "./snippet";
export type { Value, ValueKind } from "./values";
