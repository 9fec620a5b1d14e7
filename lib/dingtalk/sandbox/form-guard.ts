// Cross-site request forgery guard for the admin page's forms. The page changes state (creates
// and resets corps), so a form is accepted only when it comes from this origin (Origin and
// Sec-Fetch-Site, when the browser sends them), through a loopback or IP address (a DNS-rebound
// name could otherwise read the page and its token) and carries a token the page signed.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

export type FormPurpose = "create" | "reset";

// Per process: a restarted sandbox asks for the page to be opened again.
const SECRET = randomBytes(32);
const TOKEN_LIFE_MS = 12 * 60 * 60_000;
const CLOCK_SKEW_MS = 60_000;

function sign(purpose: FormPurpose, issued: string): string {
  return createHmac("sha256", SECRET).update(`${purpose}\u0000${issued}`).digest("base64url");
}

/** The hidden token a page puts into a form of this purpose. */
export function formToken(purpose: FormPurpose, now = Date.now()): string {
  const issued = now.toString(36);
  return `${issued}.${sign(purpose, issued)}`;
}

export function isValidFormToken(token: unknown, purpose: FormPurpose, now = Date.now()): boolean {
  if (typeof token !== "string") return false;
  const parts = token.split(".");
  if (parts.length !== 2) return false;
  const [issued = "", mac = ""] = parts;
  const at = parseInt(issued, 36);
  if (!/^[0-9a-z]+$/.test(issued) || now - at > TOKEN_LIFE_MS || at - now > CLOCK_SKEW_MS) return false;
  const expected = Buffer.from(sign(purpose, issued));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function hostName(host: string): string {
  return host.startsWith("[") ? host.slice(1, host.indexOf("]")) : host.replace(/:\d+$/, "");
}

/** localhost or an IP literal: the names a DNS rebinding attack cannot take. */
export function isLocalHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = hostName(host).toLowerCase();
  return name === "localhost" || name.endsWith(".localhost") || isIP(name) !== 0;
}

/** The browser's own word that the request comes from a page of this origin (absent for non-browser clients). */
export function isSameOriginRequest(req: IncomingMessage): boolean {
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin") return false;
  const host = req.headers.host;
  if (!isLocalHost(host)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://${host}` || origin === `https://${host}`;
}
