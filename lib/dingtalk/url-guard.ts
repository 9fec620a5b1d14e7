import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { DingTalkError } from "./errors";

// Loopback, private, link-local, CGNAT, multicast and unspecified ranges: a base URL that
// lands here would let a console user make the server call its own network (SSRF).
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 3],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

export function isLocalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1], "ipv4");
    return blocked.check(address, "ipv6");
  }
  return blocked.check(address, "ipv4");
}

function unsafe(detail: string): DingTalkError {
  return new DingTalkError({ code: "unsafe_endpoint", kind: "invalid", detail });
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
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost") || isLocalAddress(host)) {
    throw unsafe(`${url.origin} is a loopback, private or link-local address`);
  }
  return url;
}

const resolved = new Map<string, number>();
const RESOLVE_CACHE_MS = 60_000;

/** Resolves the host and refuses loopback/private/link-local answers (cached for a minute). */
export async function assertPublicHost(url: URL, allowLocal: boolean): Promise<void> {
  if (allowLocal) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0) return; // literals were checked by parseBaseUrl
  const checkedAt = resolved.get(host);
  if (checkedAt !== undefined && Date.now() - checkedAt < RESOLVE_CACHE_MS) return;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch (cause) {
    throw new DingTalkError({ code: "network", kind: "network", retryable: true, detail: `cannot resolve ${host}`, cause });
  }
  const bad = addresses.find((a) => isLocalAddress(a.address));
  if (bad) throw unsafe(`${host} resolves to ${bad.address}, a loopback, private or link-local address`);
  resolved.set(host, Date.now());
}

export function allowLocalFromEnv(): boolean {
  return process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS === "true";
}
