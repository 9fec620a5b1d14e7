import { isDingTalkError } from "@/lib/dingtalk";
import { formatRefusal, type SsoRefusalCode, type SsoRefusalInfo } from "@/lib/schemas/sso";

/** A DingTalk sign-in refused on purpose; its code says why, in words the pages translate. */
export class SsoRefusal extends Error {
  constructor(
    readonly code: SsoRefusalCode,
    readonly dingtalkKey?: string,
    readonly permission?: string,
  ) {
    // The message is what next-auth passes back to the in-app page as `error`: no secrets in it.
    super(formatRefusal({ code, dingtalkKey, permission }));
    this.name = "SsoRefusal";
  }

  get info(): SsoRefusalInfo {
    return this.permission
      ? { code: this.code, dingtalkKey: this.dingtalkKey, permission: this.permission }
      : { code: this.code, dingtalkKey: this.dingtalkKey };
  }
}

/**
 * Any failure of a sign-in as a refusal. DingTalk errors keep their catalogue key
 * ("dingtalkErrors.e<errcode>" or the client's error code), as elsewhere in the console; a
 * login code DingTalk no longer accepts (used twice or expired) gets its own words.
 */
export function toRefusal(err: unknown): SsoRefusal {
  if (err instanceof SsoRefusal) return err;
  if (!isDingTalkError(err)) return new SsoRefusal("failed");
  if (err.v1Code === "invalidAuthCode" || err.effectiveCode === 40078) return new SsoRefusal("code_invalid");
  const code = err.effectiveCode;
  return new SsoRefusal("dingtalk_error", code !== null && code !== 0 ? `e${code}` : err.code, err.permission);
}

/** The page a refusal lands on, with the reason in the query. */
export function refusalPath(refusal: SsoRefusal, returnTo: "console" | "portal" = "portal"): string {
  const page = returnTo === "console" ? "/login" : "/portal/login";
  return `${page}?${new URLSearchParams({ error: formatRefusal(refusal.info) })}`;
}
