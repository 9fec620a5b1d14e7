import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { DingTalkError } from "./errors";

export type ResolvedAddress = { address: string; family: number };
/** Resolves a host to all its addresses; `dns.lookup` unless a test injects one. */
export type GuardLookup = (host: string) => Promise<ResolvedAddress[]>;
export type GuardOptions = { lookup?: GuardLookup };

export const systemLookup: GuardLookup = (host) => dnsLookup(host, { all: true });

// Global unicast IPv6 (2000::/3): outside it, "unicast" in ipaddr.js also covers unassigned space
// and the deprecated IPv4-compatible ::/96 (::7f00:1 reaches 127.0.0.1 on some stacks).
const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");
const NAT64_WELL_KNOWN = ipaddr.parseCIDR("64:ff9b::/96");

/** The IPv4 address an IPv6 form carries and is routed to: mapped, translated, NAT64, 6to4. */
function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = v6.toByteArray();
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  const range = v6.range();
  if (range === "rfc6145" || v6.match(NAT64_WELL_KNOWN)) return new ipaddr.IPv4(bytes.slice(12, 16));
  if (range === "6to4") return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}

/**
 * Is this IP literal a public unicast address? Everything else (loopback, private, link-local,
 * CGNAT, reserved, benchmarking, multicast, site-local, Teredo, local-use NAT64, ...) is refused,
 * and IPv6 forms that embed an IPv4 address are judged by that address.
 */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 0) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return parsed.range() === "unicast";
  const v6 = parsed as ipaddr.IPv6;
  const v4 = embeddedIPv4(v6);
  if (v4) return v4.range() === "unicast";
  return v6.range() === "unicast" && v6.match(IPV6_GLOBAL_UNICAST);
}

/** An IP literal that is not public unicast; host names are not IP literals (false). */
export function isLocalAddress(address: string): boolean {
  return isIP(address) !== 0 && !isPublicAddress(address);
}

function unsafe(detail: string): DingTalkError {
  return new DingTalkError({ code: "unsafe_endpoint", kind: "invalid", detail });
}

function bare(host: string): string {
  return host.replace(/^\[|\]$/g, "");
}

/** Checks what can be checked without DNS: syntax, https, no credentials, no private IP literal. */
export function parseBaseUrl(raw: string, allowLocal: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw unsafe(`"${raw}" is not a URL`);
  }
  if (url.username || url.password) throw unsafe("credentials in the URL are not allowed");
  if (allowLocal) {
    if (url.protocol !== "https:" && url.protocol !== "http:") throw unsafe(`${url.protocol} is not http(s)`);
    return url;
  }
  if (url.protocol !== "https:") throw unsafe(`${url.origin} must use https`);
  const host = bare(url.hostname);
  if (host === "localhost" || host.endsWith(".localhost") || isLocalAddress(host)) {
    throw unsafe(`${url.origin} is a loopback, private, reserved or link-local address`);
  }
  return url;
}

/**
 * Resolves a host (or takes an IP literal as is) and refuses it unless every address is public
 * unicast. The pinned agent calls this at connect time, so the address checked is the one used.
 */
export async function resolvePublicAddresses(host: string, options: GuardOptions = {}): Promise<ResolvedAddress[]> {
  const name = bare(host);
  const family = isIP(name);
  let addresses: ResolvedAddress[];
  if (family !== 0) {
    addresses = [{ address: name, family }];
  } else {
    try {
      addresses = await (options.lookup ?? systemLookup)(name);
    } catch (cause) {
      throw new DingTalkError({
        code: "network",
        kind: "network",
        retryable: true,
        detail: `cannot resolve ${name}`,
        cause,
      });
    }
  }
  if (addresses.length === 0) {
    throw new DingTalkError({ code: "network", kind: "network", retryable: true, detail: `cannot resolve ${name}` });
  }
  const bad = addresses.find((a) => !isPublicAddress(a.address));
  if (bad) throw unsafe(`${name} resolves to ${bad.address}, which is not a public unicast address`);
  return addresses;
}

const resolved = new Map<string, number>();
const RESOLVE_CACHE_MS = 60_000;

/**
 * Early check before any call (no token is fetched for a bad host); cached for a minute. It is
 * not what keeps the connection safe: DNS may answer differently when fetch connects (rebinding),
 * so every connection also goes through the pinned agent (`pinned-agent.ts`).
 */
export async function assertPublicHost(url: URL, allowLocal: boolean, options: GuardOptions = {}): Promise<void> {
  if (allowLocal) return;
  const host = bare(url.hostname);
  if (isIP(host) !== 0) return; // literals were checked by parseBaseUrl
  const checkedAt = resolved.get(host);
  if (checkedAt !== undefined && Date.now() - checkedAt < RESOLVE_CACHE_MS) return;
  await resolvePublicAddresses(host, options);
  resolved.set(host, Date.now());
}

export function allowLocalFromEnv(): boolean {
  return process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS === "true";
}
