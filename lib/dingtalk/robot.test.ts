import { describe, expect, it } from "vitest";
import { parseRobotUrl, robotSign, sendRobotMessage } from "./robot";

describe("robotSign", () => {
  it("matches DingTalk's scheme: urlEncode(base64(HmacSHA256(secret, timestamp + \\n + secret)))", () => {
    // Computed independently (Python hmac/hashlib, base64, urllib.parse.quote with safe="").
    expect(robotSign("SEC0123456789abcdef", 1700000000000)).toBe("TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D");
  });
});

describe("parseRobotUrl", () => {
  it("accepts a robot/send URL with an access_token", () => {
    expect(parseRobotUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", false).hostname).toBe(
      "oapi.dingtalk.com",
    );
  });
  it.each([
    ["another path", "https://oapi.dingtalk.com/gettoken?access_token=abc"],
    ["no token", "https://oapi.dingtalk.com/robot/send"],
    ["plain http", "http://oapi.dingtalk.com/robot/send?access_token=abc"],
    ["a private address", "https://10.0.0.1/robot/send?access_token=abc"],
  ])("refuses %s", (_name, url) => {
    expect(() => parseRobotUrl(url, false)).toThrow();
  });
});

describe("sendRobotMessage", () => {
  it("adds timestamp and sign to the query and posts a markdown body", async () => {
    let seen: { url: string; body: unknown } | undefined;
    const outcome = await sendRobotMessage({
      webhookUrl: "https://oapi.dingtalk.com/robot/send?access_token=tok",
      secret: "SEC0123456789abcdef",
      message: { title: "T", text: "# hi" },
      allowLocalEndpoints: true,
      now: () => 1700000000000,
      fetch: async (url, init) => {
        seen = { url, body: JSON.parse(String(init.body)) };
        return new Response(JSON.stringify({ errcode: 0, errmsg: "ok" }));
      },
    });
    expect(outcome).toEqual({ ok: true });
    expect(seen?.url).toBe(
      "https://oapi.dingtalk.com/robot/send?access_token=tok&timestamp=1700000000000&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D",
    );
    expect(seen?.body).toEqual({ msgtype: "markdown", markdown: { title: "T", text: "# hi" } });
  });

  it.each([
    [310000, { ok: false, reason: "bad_signature", errcode: 310000 }],
    [130101, { ok: false, reason: "too_fast", errcode: 130101 }],
    [300001, { ok: false, reason: "bad_token", errcode: 300001 }],
    [400, { ok: false, reason: "rejected", errcode: 400, errmsg: "nope" }],
  ])("turns errcode %i into a reason", async (errcode, expected) => {
    const outcome = await sendRobotMessage({
      webhookUrl: "https://oapi.dingtalk.com/robot/send?access_token=tok",
      message: { title: "T", text: "x" },
      allowLocalEndpoints: true,
      fetch: async () => new Response(JSON.stringify({ errcode, errmsg: "nope" })),
    });
    expect(outcome).toEqual(expected);
  });

  it("refuses a local webhook unless local endpoints are allowed, without sending", async () => {
    let called = false;
    const outcome = await sendRobotMessage({
      webhookUrl: "https://127.0.0.1/robot/send?access_token=tok",
      message: { title: "T", text: "x" },
      fetch: async () => {
        called = true;
        return new Response("{}");
      },
    });
    expect(outcome).toEqual({ ok: false, reason: "unsafe_url" });
    expect(called).toBe(false);
  });
});
