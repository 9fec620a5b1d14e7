import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// "rebind-later.example" answers a public address to the first question and loopback afterwards.
let rebindCalls = 0;
vi.mock("node:dns/promises", () => ({
  lookup: vi.fn(async (host: string) => {
    if (host === "rebind.example")
      return [
        { address: "47.96.1.1", family: 4 },
        { address: "10.0.0.5", family: 4 },
      ];
    if (host === "metadata.example") return [{ address: "169.254.169.254", family: 4 }];
    if (host === "rebind-later.example") {
      rebindCalls++;
      return [{ address: rebindCalls === 1 ? "47.96.1.1" : "127.0.0.1", family: 4 }];
    }
    return [{ address: "47.96.1.1", family: 4 }];
  }),
}));

const { assertPublicHost, isPublicAddress, parseBaseUrl } = await import("./url-guard");
const { createPinnedAgent, guardedLookup } = await import("./pinned-agent");
const { sendHttp } = await import("./transport");
const { createDingTalkClient } = await import("./client");

// Each of these passed the hand-made list with local endpoints off (issue 14, item 5).
const REFUSED = [
  "::7f00:1", // IPv4-compatible form of 127.0.0.1
  "64:ff9b::7f00:1", // NAT64 of 127.0.0.1
  "2002:7f00:1::", // 6to4 of 127.0.0.1
  "::ffff:0:7f00:1", // IPv4-translated 127.0.0.1
  "fec0::1", // deprecated site-local
  "198.18.0.1", // benchmarking
  "192.0.0.1", // IETF protocol assignments
];
// What the old list already refused, and more that ipaddr.js classifies as not public.
const ALSO_REFUSED = [
  "127.0.0.1",
  "10.1.2.3",
  "172.16.0.1",
  "192.168.0.1",
  "169.254.169.254",
  "100.64.0.1",
  "0.0.0.0",
  "224.0.0.1",
  "255.255.255.255",
  "192.0.2.1",
  "240.0.0.1",
  "::",
  "::1",
  "fe80::1",
  "fd00::1",
  "ff02::1",
  "::ffff:127.0.0.1",
  "::ffff:10.0.0.1",
  "64:ff9b::a00:1",
  "64:ff9b:1::808:808",
  "2002:a00:1::",
  "2001::1",
  "2001:db8::1",
  "100::1",
  "4000::1",
];
const PUBLIC = [
  "8.8.8.8",
  "47.96.1.1",
  "203.119.1.1",
  "2400:3200::1",
  "2001:4860:4860::8888",
  "::ffff:8.8.8.8",
  "64:ff9b::808:808",
  "2002:808:808::1",
];

const lookupOf = (address: string) => async () => [{ address, family: address.includes(":") ? 6 : 4 }];

/** A TCP server on loopback that only counts connections: nothing may reach it. */
let server: Server;
let port = 0;
let connections = 0;
beforeAll(async () => {
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("outbound URL guard", () => {
  it("refuses hosts that resolve to private or link-local addresses", async () => {
    for (const host of ["rebind.example", "metadata.example"]) {
      await expect(assertPublicHost(parseBaseUrl(`https://${host}`, false), false)).rejects.toMatchObject({
        code: "unsafe_endpoint",
      });
    }
    await expect(assertPublicHost(parseBaseUrl("https://oapi.dingtalk.com", false), false)).resolves.toBeUndefined();
    await expect(assertPublicHost(parseBaseUrl("https://rebind.example", true), true)).resolves.toBeUndefined();
  });

  it("checks before fetching a token, so nothing is sent", async () => {
    const fetch = vi.fn();
    const client = createDingTalkClient({
      corpId: "c",
      appKey: "k",
      appSecret: "s",
      baseUrl: "https://metadata.example",
      allowLocalEndpoints: false,
      fetch,
    });
    await expect(client.getAccessToken()).rejects.toMatchObject({ code: "unsafe_endpoint", kind: "invalid" });
    await expect(client.getDepartment(1)).rejects.toMatchObject({ code: "unsafe_endpoint" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("refuses URLs with credentials and non-http schemes", () => {
    expect(() => parseBaseUrl("https://user:pw@oapi.dingtalk.com", false)).toThrow(/credentials/);
    expect(() => parseBaseUrl("file:///etc/passwd", true)).toThrow(/not http/);
    expect(() => parseBaseUrl("not a url", false)).toThrow(/not a URL/);
  });
});

describe("address classification (ipaddr.js)", () => {
  it.each([...REFUSED, ...ALSO_REFUSED])("refuses %s as a literal and as a DNS answer", async (address) => {
    expect(isPublicAddress(address)).toBe(false);
    const literal = address.includes(":") ? `[${address}]` : address;
    expect(() => parseBaseUrl(`https://${literal}`, false)).toThrow(
      expect.objectContaining({ code: "unsafe_endpoint" }),
    );
    const url = parseBaseUrl(`https://answers-${literal.replace(/[^0-9a-f]/gi, "-")}.example`, false);
    await expect(assertPublicHost(url, false, { lookup: lookupOf(address) })).rejects.toMatchObject({
      code: "unsafe_endpoint",
    });
  });

  it.each(PUBLIC)("allows the public address %s", async (address) => {
    expect(isPublicAddress(address)).toBe(true);
    const literal = address.includes(":") ? `[${address}]` : address;
    expect(parseBaseUrl(`https://${literal}`, false).protocol).toBe("https:");
    const url = parseBaseUrl(`https://public-${literal.replace(/[^0-9a-f]/gi, "-")}.example`, false);
    await expect(assertPublicHost(url, false, { lookup: lookupOf(address) })).resolves.toBeUndefined();
  });

  it("keeps loopback and private endpoints allowed when local endpoints are on", async () => {
    for (const raw of ["http://127.0.0.1:3100", "http://[::1]:3100", "http://10.0.0.5", "http://localhost:3100"]) {
      const url = parseBaseUrl(raw, true);
      await expect(assertPublicHost(url, true, { lookup: lookupOf("127.0.0.1") })).resolves.toBeUndefined();
    }
  });

  it("refuses a host when any one of its addresses is not public", async () => {
    const lookup = async () => [
      { address: "47.96.1.1", family: 4 },
      { address: "::1", family: 6 },
    ];
    await expect(assertPublicHost(new URL("https://mixed.example"), false, { lookup })).rejects.toMatchObject({
      code: "unsafe_endpoint",
    });
  });
});

describe("pinned agent: the address checked is the address connected to", () => {
  it("hands net.connect only checked addresses, in the form it asked for", async () => {
    const lookup = guardedLookup({
      lookup: async () => [
        { address: "47.96.1.1", family: 4 },
        { address: "2400:3200::1", family: 6 },
      ],
    });
    const all = await new Promise((resolve, reject) =>
      lookup("x.example", { all: true }, (e, a) => (e ? reject(e) : resolve(a))),
    );
    expect(all).toEqual([
      { address: "47.96.1.1", family: 4 },
      { address: "2400:3200::1", family: 6 },
    ]);
    const one = await new Promise((resolve, reject) =>
      lookup("x.example", { family: 6 }, (e, a, f) => (e ? reject(e) : resolve([a, f]))),
    );
    expect(one).toEqual(["2400:3200::1", 6]);
  });

  it("refuses the connection when DNS answers public to the check, loopback to the connect (rebinding)", async () => {
    let calls = 0;
    const lookup = async () => [{ address: ++calls === 1 ? "47.96.1.1" : "127.0.0.1", family: 4 }];
    const url = new URL(`https://rebinding.example:${port}/gettoken`);
    await expect(assertPublicHost(url, false, { lookup })).resolves.toBeUndefined(); // the early check passes
    const agent = createPinnedAgent({ lookup });
    try {
      const request = sendHttp({
        method: "GET",
        url,
        endpoint: "/gettoken",
        timeoutMs: 5_000,
        fetchImpl: fetch,
        dispatcher: agent,
      });
      await expect(request).rejects.toMatchObject({ code: "unsafe_endpoint", endpoint: "/gettoken", retryable: false });
    } finally {
      await agent.close();
    }
    expect(calls).toBe(2); // the connect asked DNS again and the guard judged that answer
    expect(connections).toBe(0);
  });

  it("refuses an IP literal that is not public without connecting", async () => {
    const agent = createPinnedAgent();
    try {
      const url = new URL(`https://127.0.0.1:${port}/gettoken`);
      const request = sendHttp({
        method: "GET",
        url,
        endpoint: "/gettoken",
        timeoutMs: 5_000,
        fetchImpl: fetch,
        dispatcher: agent,
      });
      await expect(request).rejects.toMatchObject({ code: "unsafe_endpoint" });
    } finally {
      await agent.close();
    }
    expect(connections).toBe(0);
  });

  it("the client connects through the pinned agent: a rebinding host never reaches loopback", async () => {
    rebindCalls = 0;
    const client = createDingTalkClient({
      corpId: "c",
      appKey: "k",
      appSecret: "s",
      baseUrl: `https://rebind-later.example:${port}`,
      allowLocalEndpoints: false,
      retries: 0,
    });
    await expect(client.getAccessToken()).rejects.toMatchObject({ code: "unsafe_endpoint" });
    expect(rebindCalls).toBe(2);
    expect(connections).toBe(0);
  });
});
