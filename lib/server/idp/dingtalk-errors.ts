import { describeDingTalkError, isDingTalkError } from "@/lib/dingtalk";
import { AppError } from "../app-error";

/**
 * A DingTalk failure as an AppError the UI can translate: the message key names the errcode
 * or kind (catalogue "dingtalkErrors"); `_dingtalk` carries DingTalk's English words as the
 * fallback for codes the catalogue does not translate. Never contains a secret.
 */
export function dingTalkAppError(err: unknown, fields: string[] = []): AppError {
  if (!isDingTalkError(err)) throw err;
  const { title, fix } = describeDingTalkError(err);
  const code = err.effectiveCode;
  const key = code !== null && code !== 0 ? `dingtalkErrors.e${code}` : `dingtalkErrors.${err.code}`;
  const fieldErrors: Record<string, string[]> = { _dingtalk: [title, fix, code === null ? "" : String(code), err.permission ?? ""] };
  for (const field of fields) fieldErrors[field] = [key];
  return new AppError("dingtalk", key, fieldErrors);
}

/** The fields of step 1 a DingTalk error points at. */
export function credentialFields(err: unknown, isPrivate: boolean): string[] {
  if (!isDingTalkError(err)) return [];
  if (err.kind === "auth") return ["appKey", "appSecret"];
  if (["network", "timeout", "http_error", "unsafe_endpoint", "redirect", "bad_response", "throttle_page"].includes(err.code)) {
    return isPrivate ? ["apiBaseUrl"] : [];
  }
  return [];
}
