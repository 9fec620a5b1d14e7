import { describe, expect, it } from "vitest";
import { clientIp, pinForwardedFor, trustedProxyHops } from "./client-ip";

describe("clientIp", () => {
  it.each([
    ["no proxy: the address next start wrote", { "x-forwarded-for": "203.0.113.7" }, 0, "203.0.113.7"],
    [
      "no proxy: an IPv4-mapped socket address reads as IPv4",
      { "x-forwarded-for": "::ffff:127.0.0.1" },
      0,
      "127.0.0.1",
    ],
    ["no proxy: x-real-ip when there is no x-forwarded-for", { "x-real-ip": "198.51.100.4" }, 0, "198.51.100.4"],
    [
      "one proxy: the entry it appended, not the client's own",
      { "x-forwarded-for": "1.1.1.1, 203.0.113.7" },
      1,
      "203.0.113.7",
    ],
    [
      "two proxies: the entry the outer one appended",
      { "x-forwarded-for": "1.1.1.1, 203.0.113.7, 10.0.0.2" },
      2,
      "203.0.113.7",
    ],
    ["more hops than entries: the first entry", { "x-forwarded-for": "203.0.113.7" }, 3, "203.0.113.7"],
    ["IPv6: one key per /64", { "x-forwarded-for": "2001:db8:1:2:aaaa::1" }, 0, "2001:db8:1:2::/64"],
    ["IPv6 of the same /64: the same key", { "x-forwarded-for": "2001:db8:1:2:bbbb::9" }, 0, "2001:db8:1:2::/64"],
    ["garbage shares one key", { "x-forwarded-for": "not-an-address" }, 0, "unknown"],
    ["no headers", undefined, 0, "unknown"],
  ])("%s", (_name, headers, hops, expected) => {
    expect(clientIp(headers, hops)).toBe(expected);
  });
});

describe("TRUST_PROXY", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["false", 0],
    ["true", 1],
    ["2", 2],
    ["-1", 0],
    ["yes", 0],
  ])("%s -> %d hops", (value, hops) => {
    expect(trustedProxyHops(value)).toBe(hops);
  });
});

describe("pinForwardedFor (the console's own server)", () => {
  it("without a trusted proxy, the socket's address replaces what the client sent", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "9.9.9.9",
      "x-real-ip": "8.8.8.8",
    };
    pinForwardedFor(headers, "203.0.113.7", 0);
    expect(clientIp(headers, 0)).toBe("203.0.113.7");
    expect(headers["x-real-ip"]).toBeUndefined();
  });

  it("behind a trusted proxy, keeps the header as it wrote it", () => {
    // The client claimed 9.9.9.9; the proxy (10.0.0.2, the socket) appended the address it saw.
    const headers = { "x-forwarded-for": "9.9.9.9, 198.51.100.4" };
    pinForwardedFor(headers, "10.0.0.2", 1);
    expect(headers["x-forwarded-for"]).toBe("9.9.9.9, 198.51.100.4");
    expect(clientIp(headers, 1)).toBe("198.51.100.4");
  });
});
