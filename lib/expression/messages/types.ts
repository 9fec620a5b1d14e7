import type { ErrorParams, ErrorReason } from "../errors";
import type { LimitName } from "../limits";
import type { ValueKind } from "../values";

/** One locale's words for every error reason; typed so a missing reason fails to compile. */
export type MessageTable = {
  readonly [R in ErrorReason]: (params: ErrorParams<R>) => string;
};

export type Vocabulary = {
  kinds: Record<ValueKind, string>;
  /** the symbolic entries of `expected`: expression, field_name, operator, end */
  words: Record<string, string>;
  limits: Record<LimitName, (max: number) => string>;
};

const hasOwn = Object.prototype.hasOwnProperty;

/** A token or a name in quotes; a double quote itself is shown in single quotes. */
export const q = (s: string) => (s.includes('"') ? `'${s}'` : `"${s}"`);

/** Each `expected` entry as a translated word or a quoted token. */
export function expectedList(expected: string[], vocabulary: Vocabulary, or: string): string {
  return expected.map((e) => (hasOwn.call(vocabulary.words, e) ? vocabulary.words[e] : q(e))).join(or);
}
