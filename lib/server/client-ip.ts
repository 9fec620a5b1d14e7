import ipaddr from "ipaddr.js";

export type RequestHeaders = Record<string, string | string[] | undefined> | undefined;

/**
 * TRUST_PROXY: the number of proxies in front of the console that append the client's address
 * to X-Forwarded-For ("true" = 1). Off unless set: then the header is the client's to write.
 */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  if (value === "true") return 1;
  const hops = Number(value);
  return Number.isInteger(hops) && hops > 0 && hops <= 10 ? hops : 0;
}

function header(headers: RequestHeaders, name: string): string | undefined {
  const value = headers?.[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** An IPv4 address, or an IPv6 /64 (one subscriber's block); "unknown" for anything else. */
function limitKey(value: string | undefined): string {
  if (!value || !ipaddr.isValid(value)) return "unknown";
  const address = ipaddr.process(value); // an IPv4-mapped IPv6 address reads as IPv4
  if (address.kind() === "ipv4") return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${parts.join(":")}::/64`;
}

/**
 * The client address a sign-in is limited by, from the headers next-auth hands `authorize`
 * (it passes no socket). Behind TRUST_PROXY proxies: the entry the outermost trusted proxy
 * appended to X-Forwarded-For. Without: `next start` writes the socket address into
 * X-Forwarded-For only when the request has none, so a client that sends its own picks its
 * key; the global limit still bounds it, and a proxy that overwrites the header closes it.
 */
export function clientIp(headers: RequestHeaders, hops = trustedProxyHops()): string {
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (hops > 0) return limitKey(forwarded[Math.max(0, forwarded.length - hops)]);
  return limitKey(forwarded.at(-1) ?? header(headers, "x-real-ip"));
}

/**
 * What the console's own server (lib/server/cli/serve.ts) does to a request's headers before
 * Next.js sees it: without TRUST_PROXY, X-Forwarded-For becomes the socket's address (the
 * client's own header is dropped, as is X-Real-IP); behind trusted proxies it is kept.
 */
export function pinForwardedFor(
  headers: Record<string, string | string[] | undefined>,
  socketAddress: string | undefined,
  hops = trustedProxyHops(),
): void {
  if (hops > 0) return;
  headers["x-forwarded-for"] = socketAddress ?? "";
  delete headers["x-real-ip"];
}
