import { dingTalkErrorDetail, isDingTalkError } from "@/lib/dingtalk";
import type { Message } from "@/lib/messages/codes";
import { AppError, fieldErrorsFor } from "../app-error";

/**
 * A DingTalk failure as an AppError: the code "errors.dingtalk" with the failure's codes
 * (errcode, kind, permission) as a typed object, also under the form fields it points at.
 * Never DingTalk's own words, never a secret.
 */
export function dingTalkAppError(err: unknown, fields: string[] = []): AppError {
  if (!isDingTalkError(err)) throw err;
  const message: Message = { code: "errors.dingtalk", params: dingTalkErrorDetail(err) };
  return new AppError(message, fields.length > 0 ? fieldErrorsFor(fields, message) : undefined);
}

/** The fields of step 1 a DingTalk error points at. */
export function credentialFields(err: unknown, isPrivate: boolean): string[] {
  if (!isDingTalkError(err)) return [];
  if (err.kind === "auth") return ["appKey", "appSecret"];
  const transport = [
    "network",
    "timeout",
    "http_error",
    "unsafe_endpoint",
    "redirect",
    "bad_response",
    "throttle_page",
  ];
  if (transport.includes(err.code)) return isPrivate ? ["apiBaseUrl"] : [];
  return [];
}
