import { loadConfig } from "../config";
import { STATE_TTL_MS } from "./state";

// httpOnly: scripts never see the state. SameSite=Lax: sent on DingTalk's top-level redirect
// back to the callback, not on cross-site subrequests. __Host- over https: no subdomain can set it.
function isSecure(): boolean {
  return loadConfig().publicBaseUrl.startsWith("https:");
}

export function stateCookieName(): string {
  return isSecure() ? "__Host-dingtalk-login-state" : "dingtalk-login-state";
}

function serialize(value: string, maxAgeSeconds: number): string {
  return [
    `${stateCookieName()}=${value}`,
    "Path=/",
    `Max-Age=${maxAgeSeconds}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(isSecure() ? ["Secure"] : []),
  ].join("; ");
}

export function setStateCookie(value: string): string {
  return serialize(value, Math.floor(STATE_TTL_MS / 1000));
}

/** Every callback clears it, accepted or refused: a state is good for one return only. */
export function clearStateCookie(): string {
  return serialize("", 0);
}

/** A redirect with a relative Location (what the browser asked for stays on this origin). */
export function redirectResponse(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 302, headers });
}
