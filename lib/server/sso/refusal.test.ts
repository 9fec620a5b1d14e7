import { describe, expect, it } from "vitest";
import { DingTalkError } from "@/lib/dingtalk";
import { formatRefusal, parseRefusal } from "@/lib/schemas/sso";
import { refusalPath, SsoRefusal, toRefusal } from "./refusal";

describe("refusals", () => {
  it.each([
    [
      "a used or expired QR authCode",
      new DingTalkError({ code: "v1_error", kind: "auth", v1Code: "invalidAuthCode", httpStatus: 400 }),
      { code: "code_invalid" },
    ],
    [
      "a used JSAPI code (40078)",
      new DingTalkError({ code: "api_error", kind: "invalid", errcode: 40078 }),
      { code: "code_invalid" },
    ],
    [
      "a missing permission (88 / 60011)",
      new DingTalkError({
        code: "api_error",
        kind: "permission",
        errcode: 88,
        subCode: 60011,
        permission: "qyapi_get_member",
      }),
      { code: "dingtalk_error", dingtalkKey: "e60011", permission: "qyapi_get_member" },
    ],
    [
      "an unreachable DingTalk",
      new DingTalkError({ code: "network", kind: "network" }),
      { code: "dingtalk_error", dingtalkKey: "network" },
    ],
    ["anything else", new Error("boom"), { code: "failed" }],
  ])("names %s", (_name, err, expected) => {
    expect(toRefusal(err).info).toEqual({ dingtalkKey: undefined, ...expected });
  });

  it("travels through a URL and next-auth's error and comes back the same", () => {
    const refusal = new SsoRefusal("dingtalk_error", "e60020");
    expect(refusal.message).toBe("dingtalk_error:e60020");
    expect(parseRefusal(new URL(refusalPath(refusal), "http://x").searchParams.get("error"))).toEqual({
      code: "dingtalk_error",
      dingtalkKey: "e60020",
    });
    expect(refusalPath(new SsoRefusal("unbound"), "console")).toBe("/login?error=unbound");
    expect(parseRefusal(formatRefusal({ code: "state_invalid" }))).toEqual({ code: "state_invalid" });
    const missing = new SsoRefusal("dingtalk_error", "e60011", "qyapi_get_member");
    expect(parseRefusal(new URL(refusalPath(missing), "http://x").searchParams.get("error"))).toEqual({
      code: "dingtalk_error",
      dingtalkKey: "e60011",
      permission: "qyapi_get_member",
    });
  });

  it("reads nothing else: unknown codes, next-auth's own errors, odd detail", () => {
    for (const value of [undefined, "", "OAuthCallback", "CredentialsSignin", "unbound2"])
      expect(parseRefusal(value)).toBeNull();
    expect(parseRefusal("dingtalk_error:<script>")).toEqual({ code: "dingtalk_error" });
    expect(parseRefusal("dingtalk_error:e60011:<b>grant</b>")).toEqual({
      code: "dingtalk_error",
      dingtalkKey: "e60011",
    });
  });
});
