import { z } from "zod";

// Why a DingTalk sign-in was refused. Shared by the server (which names the refusal in a
// redirect or a next-auth error) and the pages that put it into words (catalogue "sso").
export const SSO_REFUSAL_CODES = [
  "idp_unavailable",
  "state_invalid",
  "unbound",
  "account_disabled",
  "code_invalid",
  "dingtalk_error",
  "not_in_dingtalk",
  "failed",
  "rate_limited",
  "inapp_off",
] as const;
export type SsoRefusalCode = (typeof SSO_REFUSAL_CODES)[number];

/** A DingTalk error's catalogue key under "dingtalkErrors": `e<errcode>` or the client's error code. */
const ZDingTalkKey = z.string().regex(/^(e-?\d{1,6}|[a-z_]{1,32})$/);

/** A DingTalk permission code (for 60011: the one to grant). */
const ZPermission = z.string().regex(/^[a-z][a-z0-9_.]{0,63}$/);

export type SsoRefusalInfo = { code: SsoRefusalCode; dingtalkKey?: string; permission?: string };

/** "unbound", "dingtalk_error:e60020", or "dingtalk_error:e60011:qyapi_get_member" (the permission to grant). */
export function formatRefusal({ code, dingtalkKey, permission }: SsoRefusalInfo): string {
  if (!dingtalkKey) return code;
  return permission ? `${code}:${dingtalkKey}:${permission}` : `${code}:${dingtalkKey}`;
}

/** Reads a refusal from a query parameter or a next-auth error; null for anything else. */
export function parseRefusal(value: string | null | undefined): SsoRefusalInfo | null {
  if (!value) return null;
  const [code, key, permissionText] = value.split(":", 3);
  const parsed = z.enum(SSO_REFUSAL_CODES).safeParse(code);
  if (!parsed.success) return null;
  const dingtalkKey = ZDingTalkKey.safeParse(key);
  if (!dingtalkKey.success) return { code: parsed.data };
  const permission = ZPermission.safeParse(permissionText);
  return permission.success
    ? { code: parsed.data, dingtalkKey: dingtalkKey.data, permission: permission.data }
    : { code: parsed.data, dingtalkKey: dingtalkKey.data };
}

// What the in-app page posts to the "dingtalk-inapp" credentials provider.
export const ZInAppSignInSchema = z.object({
  idpId: z.string().min(1).max(64),
  code: z.string().min(1).max(200),
});
export type TInAppSignInSchema = z.infer<typeof ZInAppSignInSchema>;

/** Where the QR login returns to: the console (from /login) or the portal (from /portal/login). */
export const ZLoginReturnTo = z.enum(["console", "portal"]).catch("portal");
export type LoginReturnTo = z.infer<typeof ZLoginReturnTo>;

/** The next-auth credentials provider of in-app SSO. */
export const INAPP_PROVIDER_ID = "dingtalk-inapp";
