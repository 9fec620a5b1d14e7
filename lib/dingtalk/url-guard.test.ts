import { describe, expect, it, vi } from "vitest";

vi.mock("node:dns/promises", () => ({
  lookup: vi.fn(async (host: string) => {
    if (host === "rebind.example") return [{ address: "47.96.1.1", family: 4 }, { address: "10.0.0.5", family: 4 }];
    if (host === "metadata.example") return [{ address: "169.254.169.254", family: 4 }];
    return [{ address: "47.96.1.1", family: 4 }];
  }),
}));

const { assertPublicHost, parseBaseUrl } = await import("./url-guard");
const { createDingTalkClient } = await import("./client");

describe("outbound URL guard", () => {
  it("refuses hosts that resolve to private or link-local addresses", async () => {
    for (const host of ["rebind.example", "metadata.example"]) {
      await expect(assertPublicHost(parseBaseUrl(`https://${host}`, false), false)).rejects.toMatchObject({ code: "unsafe_endpoint" });
    }
    await expect(assertPublicHost(parseBaseUrl("https://oapi.dingtalk.com", false), false)).resolves.toBeUndefined();
    await expect(assertPublicHost(parseBaseUrl("https://rebind.example", true), true)).resolves.toBeUndefined();
  });

  it("checks before fetching a token, so nothing is sent", async () => {
    const fetch = vi.fn();
    const client = createDingTalkClient({ corpId: "c", appKey: "k", appSecret: "s", baseUrl: "https://metadata.example", allowLocalEndpoints: false, fetch });
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
