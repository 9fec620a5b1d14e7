import { allowLocalFromEnv, isLocalAddress } from "@/lib/dingtalk/url-guard";

function isLocalEndpoint(raw: string): boolean {
  try {
    const host = new URL(raw).hostname.replace(/^\[|\]$/g, "");
    return host === "localhost" || host.endsWith(".localhost") || isLocalAddress(host);
  } catch {
    return false;
  }
}

/**
 * May the in-app page take its code from the URL (the sandbox launcher) instead of the JSAPI?
 * Only for an IdP whose every base URL is a local endpoint the console may call (the sandbox,
 * with DINGTALK_ALLOW_LOCAL_ENDPOINTS on). Against real DingTalk a code in a link would let
 * anyone sign a victim's browser in as someone else (login CSRF), so it is never read there.
 */
export function acceptsLaunchCode(
  idp: { apiBaseUrl: string; v1BaseUrl: string; loginBaseUrl: string },
  allowLocal = allowLocalFromEnv(),
): boolean {
  return allowLocal && [idp.apiBaseUrl, idp.v1BaseUrl, idp.loginBaseUrl].every(isLocalEndpoint);
}
