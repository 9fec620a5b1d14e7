import { INAPP_PROVIDER_ID } from "@/lib/schemas/sso";
import { loadConfig } from "../config";

export { INAPP_PROVIDER_ID };

// One place for the URLs DingTalk is told about (wizard step 1) and the routes that serve them.
export const QR_PROVIDER_PREFIX = "dingtalk-";

/** The next-auth provider of an IdP's QR login. IdP ids are cuids, never "inapp". */
export function qrProviderId(idpId: string): string {
  return `${QR_PROVIDER_PREFIX}${idpId}`;
}

export function isDingTalkProvider(providerId: string | undefined): boolean {
  return !!providerId?.startsWith(QR_PROVIDER_PREFIX);
}

export function publicBaseUrl(): string {
  return loadConfig().publicBaseUrl.replace(/\/+$/, "");
}

/** The QR login's redirect_uri: served by next-auth under the callback domain. */
export function qrCallbackUrl(idpId: string): string {
  return `${publicBaseUrl()}/api/auth/callback/${qrProviderId(idpId)}`;
}

/** In-app SSO: the application home page URL (app/sso/dingtalk/[idpId]). */
export function homePageUrl(idpId: string): string {
  return `${publicBaseUrl()}/sso/dingtalk/${idpId}`;
}

/** Starts a QR login (app/api/sso/dingtalk/[idpId]/start): sets the state cookie, then off to DingTalk. */
export function qrStartPath(idpId: string, to: "console" | "portal"): string {
  return `/api/sso/dingtalk/${encodeURIComponent(idpId)}/start?to=${to}`;
}
