// Where the app may send a browser after sign-in (or any other redirect that takes a target from
// a URL): a path on the app's own origin, or the fallback. Pure, for client and server alike.

/** Longer targets are never ours: the app's own links are short. */
const MAX_LENGTH = 2048;

export type SafeRedirectOptions = {
  /** The app's origin, e.g. "https://console.example.com" (window.location.origin, or the public base URL). */
  origin: string;
  /** Where to go when the target is missing or not ours; a path on the same origin. */
  fallback?: string;
};

/**
 * The same-origin path (pathname + search + hash) a redirect target names, or the fallback.
 *
 * The target is read the way a browser reads it, with `new URL(value, origin)`: that parser
 * turns backslashes into slashes, drops tabs and newlines and reads a leading `//` as another
 * host, so `/\evil.example`, `/<tab>/evil.example` and `//evil.example` all resolve to
 * evil.example and are refused by the origin comparison, not by a pattern that misses one.
 * The path returned is parsed again: `/.//evil.example` resolves on our origin to the path
 * `//evil.example`, which a browser would read as another host, so it is refused too.
 */
export function safeRedirectPath(
  value: string | null | undefined,
  { origin, fallback = "/" }: SafeRedirectOptions,
): string {
  const path = sameOriginPath(value, origin);
  return path ?? sameOriginPath(fallback, origin) ?? "/";
}

function sameOriginPath(value: string | null | undefined, origin: string): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return null;
  const base = parse(origin);
  if (!base || base.origin === "null") return null;
  const target = parse(value, base.origin);
  if (!target || target.origin !== base.origin) return null;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // The path must mean the same place when the browser (or next-auth) reads it on its own.
  const again = parse(path, base.origin);
  return again && again.origin === base.origin && again.href === target.href ? path : null;
}

function parse(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

/**
 * next-auth's `redirect` callback: the callbackUrl it was given (from a query, a form or its
 * cookie) on the app's origin, absolute as next-auth expects, or the app's home.
 */
export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const home = parse(baseUrl);
  if (!home) return "/";
  return `${home.origin}${safeRedirectPath(url, { origin: home.origin })}`;
}
