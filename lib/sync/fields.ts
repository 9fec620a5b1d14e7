// DingTalk's user field rules (shared/DINGTALK.md) and the value forms DingTalk compares by.
import type { MappingProblem } from "./types";

export type FieldRule = { max: number; overflow: "cut" | "refuse"; required?: boolean };

/** Lengths in characters (code points). Identifiers and addresses are refused, prose is cut. */
export const USER_FIELD_RULES: Readonly<Record<string, FieldRule>> = {
  userid: { max: 64, overflow: "refuse", required: true },
  name: { max: 80, overflow: "cut", required: true },
  mobile: { max: 30, overflow: "refuse" },
  email: { max: 50, overflow: "refuse" },
  title: { max: 200, overflow: "cut" },
  job_number: { max: 50, overflow: "refuse" },
  work_place: { max: 100, overflow: "cut" },
  remark: { max: 2000, overflow: "cut" },
  telephone: { max: 50, overflow: "refuse" },
  org_email: { max: 100, overflow: "refuse" },
  login_email: { max: 100, overflow: "refuse" },
  manager_userid: { max: 64, overflow: "refuse" },
  extension: { max: 2000, overflow: "refuse" },
};

/** Department names: 1-64 characters, no '-' or ','. */
export const DEPT_NAME_MAX = 64;
export const MAX_DEPT_LEVELS = 20;

export type CheckedValue = { value: string | null; warning?: MappingProblem; error?: MappingProblem };

/** Applies the length rule of a field: cut with a warning, or refuse with an error. */
export function checkLength(field: string, value: string | null): CheckedValue {
  const rule = USER_FIELD_RULES[field];
  if (value === null || value === "") {
    if (rule?.required) return { value: null, error: { field, code: "required" } };
    return { value: null };
  }
  if (!rule) return { value };
  const chars = Array.from(value);
  if (chars.length <= rule.max) return { value };
  const params = { max: rule.max, length: chars.length };
  if (rule.overflow === "refuse") return { value: null, error: { field, code: "too_long", params } };
  return { value: chars.slice(0, rule.max).join(""), warning: { field, code: "cut", params } };
}

/**
 * What the sync writes to a user field for a rule's value: trimmed, a mobile in DingTalk's
 * international form (a bare number takes the account's region), then the field's length rule.
 * mapUser and the mapping editor's live preview both call it, so the preview shows what is written.
 */
export function writtenValue(field: string, value: string | null, phoneRegion: string | null): CheckedValue {
  let text = value === null ? null : value.trim();
  if (field === "mobile" && text) text = formatMobile(text, phoneRegion);
  return checkLength(field, text);
}

/** "+86-13800000001": DingTalk's international form; a bare number takes the account's region. */
export function formatMobile(value: string, region: string | null): string {
  const trimmed = value.replace(/\s+/g, "");
  if (trimmed.startsWith("+")) return trimmed;
  return `+${(region ?? "86").replace(/^\+/, "") || "86"}-${trimmed}`;
}

/** The form two mobiles are compared in: DingTalk stores mainland numbers with or without "+86-". */
export function comparableMobile(value: string): string {
  const trimmed = value.replace(/\s+/g, "");
  return trimmed.startsWith("+") ? trimmed : `+86-${trimmed}`;
}

/** The form a field is compared in: mobiles canonical, emails case-insensitive, empty as null. */
export function comparable(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (field === "mobile") return comparableMobile(value);
  if (field === "email" || field === "org_email" || field === "login_email") return value.toLowerCase();
  return value;
}

export function checkDeptName(name: string): MappingProblem | undefined {
  const length = Array.from(name).length;
  if (length === 0) return { field: "name", code: "required" };
  if (length > DEPT_NAME_MAX) return { field: "name", code: "too_long", params: { max: DEPT_NAME_MAX, length } };
  if (/[-,]/.test(name)) return { field: "name", code: "invalid_characters", params: { characters: "-," } };
  return undefined;
}
