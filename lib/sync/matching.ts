// Matching precedence: an unbound account is matched to an existing DingTalk user by the mapping
// identifier first, then by each fallback the administrator enabled, in their order. A DingTalk
// user found any other way (a clash on create) is never written or bound: it is a conflict.
// Plain data, used by the planner, the executor, the save action's schema and the editor.
import { comparable } from "./fields";

/** The fallbacks an administrator may enable, in the order the editor first lists them. */
export const MATCH_FALLBACKS = ["mobile", "email", "job_number"] as const;
export type MatchFallback = (typeof MATCH_FALLBACKS)[number];

export function isMatchFallback(value: unknown): value is MatchFallback {
  return typeof value === "string" && (MATCH_FALLBACKS as readonly string[]).includes(value);
}

/**
 * The enabled fallbacks as stored (IdentityProvider.matchFallbacks, a JSON array), in order:
 * unknown values, repeats and the identifier's own field are dropped, unreadable text is none.
 */
export function readMatchFallbacks(json: string | null | undefined, identifierField?: string): MatchFallback[] {
  if (!json) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  return usableFallbacks(Array.isArray(value) ? value : [], identifierField);
}

/** Known values, each once, without the identifier's own field (that one already matched first). */
export function usableFallbacks(values: readonly unknown[], identifierField?: string): MatchFallback[] {
  const out: MatchFallback[] = [];
  for (const v of values) if (isMatchFallback(v) && v !== identifierField && !out.includes(v)) out.push(v);
  return out;
}

/** How an existing DingTalk user was matched to an account. */
export type MatchedBy = { by: "identifier"; field: string } | { by: "fallback"; field: MatchFallback };

/** One value of the account, compared the way DingTalk stores it. */
export type MatchValue = { field: string; value: string | null };

/**
 * Whether an existing DingTalk user (found by a clash on create) is this account's, and how:
 * by the identifier (a 60102 when the identifier is the userid itself, or the identifier's value
 * agrees), else by the first enabled fallback whose value agrees; undefined means a conflict.
 */
export function matchExisting(
  remote: { userid: string; fields: Record<string, string> },
  identifier: MatchValue,
  fallbacks: readonly MatchValue[],
  errcode: number | null,
): MatchedBy | undefined {
  const theirs = (field: string) => comparable(field, field === "userid" ? remote.userid : remote.fields[field]);
  const agrees = ({ field, value }: MatchValue) => {
    const ours = comparable(field, value);
    return ours !== null && ours === theirs(field);
  };
  // 60102 with the userid identifier: the userid is the identifier's own value.
  if (identifier.field === "userid" ? errcode === 60102 : agrees(identifier))
    return { by: "identifier", field: identifier.field };
  for (const fallback of fallbacks)
    if (isMatchFallback(fallback.field) && fallback.field !== identifier.field && agrees(fallback))
      return { by: "fallback", field: fallback.field };
  return undefined;
}

/** The DingTalk field whose value a clash errcode says is taken. */
export function clashField(errcode: number | null): "userid" | "mobile" | "email" | undefined {
  if (errcode === 60102) return "userid";
  if (errcode === 60104) return "mobile";
  if (errcode === 60106) return "email";
  return undefined;
}
