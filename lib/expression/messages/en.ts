import { expectedList, q, type MessageTable, type Vocabulary } from "./types";

const v: Vocabulary = {
  kinds: {
    string: "a string",
    number: "a number",
    boolean: "a boolean",
    null: "null",
    array: "an array",
    object: "an object",
  },
  words: {
    expression: "an expression",
    field_name: "a field name",
    operator: "an operator",
    end: "the end of the expression",
  },
  limits: {
    sourceLength: (max) => `The expression is longer than ${max} characters`,
    depth: (max) => `Nesting is deeper than ${max} levels`,
    nodes: (max) => `The expression has more than ${max} parts; simplify it`,
    stringLength: (max) => `A text result is longer than ${max} characters`,
    arrayLength: (max) => `ArrayMap takes at most ${max} elements`,
    iterations: (max) => `ArrayMap evaluated more than ${max} elements in total`,
    work: (max) =>
      `Evaluating this takes more than ${max} units of work: nest fewer ArrayMaps or repeat less work on long text`,
  },
};

const didYouMean = (s?: string) => (s === undefined ? "" : ` - did you mean ${q(s)}?`);
const count = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;

export const en: MessageTable = {
  expected: (p) => {
    const list = expectedList(p.expected, v, " or ");
    if (p.argument !== undefined) return `Expected ${list} after argument ${p.argument}`;
    return `Expected ${list}, found ${p.found === null ? v.words.end : q(p.found)}`;
  },
  unterminated_string: () => 'This string has no closing "',
  invalid_escape: (p) => `Unknown escape ${q(p.escape)} in a string: use \\", \\\\, \\n, \\t or \\uXXXX`,
  invalid_character: (p) => `Unexpected character ${q(p.character)}${didYouMean(p.suggestion)}`,
  member_call: (p) => `${q(p.path)} is a field and cannot be called; functions are called as Name(...)`,
  unknown_function: (p) => `Unknown function ${q(p.name)}${didYouMean(p.suggestion)}`,
  arity: (p) => {
    if (p.pairs)
      return `${p.name} expects a source, a default and key/value pairs (an even number of arguments), got ${p.got}`;
    if (p.max === 0) return `${p.name} expects no arguments, got ${p.got}`;
    if (p.max === p.min) return `${p.name} expects ${count(p.min)}, got ${p.got}`;
    if (p.max === null) return `${p.name} expects at least ${count(p.min)}, got ${p.got}`;
    return `${p.name} expects ${p.min} to ${p.max} arguments, got ${p.got}`;
  },
  unknown_field: (p) => `Unknown field ${q(p.path)}${didYouMean(p.suggestion)}`,
  unknown_root: (p) =>
    `Unknown variable ${q(p.root)}${didYouMean(p.suggestion)} (use idpUser, idpOrganizationalUnit, or __item inside ArrayMap)`,
  item_outside_array_map: (p) => `${q(p.path)} can only be used in the second argument of ArrayMap`,
  argument: (p) =>
    p.element === undefined
      ? `${p.function} expects ${v.kinds[p.expected]} as argument ${p.argument}, got ${v.kinds[p.actual]}`
      : `${p.function} expects text in argument ${p.argument}, but element ${p.element} is ${v.kinds[p.actual]}`,
  operand: (p) => `${q(p.operator)} expects true, false or null, got ${v.kinds[p.actual]}`,
  comparison: (p) =>
    `${q(p.operator)} compares two numbers or two strings, got ${v.kinds[p.left]} and ${v.kinds[p.right]}`,
  field_value: (p) =>
    `A field value must be text, a number, a boolean or null, got ${v.kinds[p.actual]}; convert it first, e.g. with Join or ObjectToJsonString`,
  invalid_date: (p) => `${p.value} is not a valid time in epoch milliseconds`,
  limit: (p) => v.limits[p.limit](p.max),
};
