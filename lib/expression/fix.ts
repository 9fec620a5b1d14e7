import type { Range } from "./ast";
import type { ErrorParams } from "./errors";

/** A did-you-mean applied: the name put in (`text`) and the whole corrected source. */
export type SuggestedFix = { text: string; source: string };

/**
 * The source with a did-you-mean put in place of the name at fault, for an
 * unknown field, variable or function that has a suggestion; undefined otherwise.
 * `at` is the error's range in `source`.
 */
export function suggestedFix(source: string, params: ErrorParams, at: Range): SuggestedFix | undefined {
  const text = suggestedText(params);
  if (text === undefined) return undefined;
  return { text, source: source.slice(0, at.start) + text + source.slice(at.end) };
}

function suggestedText(params: ErrorParams): string | undefined {
  switch (params.reason) {
    case "unknown_field":
    case "unknown_function":
      return params.suggestion;
    case "unknown_root":
      // The range covers the whole path; only its root is replaced.
      return params.suggestion === undefined ? undefined : params.suggestion + params.path.slice(params.root.length);
    default:
      return undefined;
  }
}
