import { describe, expect, it } from "vitest";
import { errorFromClassicBody, errorFromNonJson, errorFromV1 } from "./classify";
import { ERRCODE_TABLE } from "./error-codes";
import { describeDingTalkError } from "./errors";
import { isLocalAddress } from "./url-guard";

describe("classification", () => {
  it("maps every errcode of the table to its kind, with a title and a fix", () => {
    for (const [code, info] of Object.entries(ERRCODE_TABLE)) {
      const err = errorFromClassicBody({ errcode: Number(code), errmsg: "x" }, "/topapi/v2/user/get", 200);
      expect(err?.kind, code).toBe(info.kind);
      expect(err?.retryable, code).toBe(info.retryable);
      const { title, fix } = describeDingTalkError(err);
      expect(title && fix, code).toBeTruthy();
    }
  });

  it("reads sub_code for errcode 88, as string or number", () => {
    for (const sub_code of ["60011", 60011]) {
      const err = errorFromClassicBody(
        { errcode: 88, sub_code, sub_msg: "no permission" },
        "/topapi/v2/department/create",
        200,
      );
      expect(err).toMatchObject({ kind: "permission", subCode: 60011, permission: "qyapi_manage_addresslist" });
    }
    expect(errorFromClassicBody({ errcode: 0, result: {} }, "/x", 200)).toBeNull();
  });

  it("recognises throttling pages, bans and gateway errors", () => {
    expect(errorFromNonJson(200, "<html>Too many requests</html>", "/x")).toMatchObject({
      code: "throttle_page",
      kind: "throttled",
    });
    expect(errorFromNonJson(403, "<html>访问被拒绝</html>", "/x")).toMatchObject({ code: "ip_ban", kind: "throttled" });
    expect(errorFromNonJson(502, "<h1>502 Bad Gateway</h1>", "/x")).toMatchObject({
      code: "http_error",
      kind: "transient",
    });
    expect(errorFromClassicBody({ status: 1111, wait: 5, punish: "deny" }, "/x", 200)).toMatchObject({
      code: "ip_ban",
      banMs: 300_000,
    });
    expect(errorFromClassicBody({ hello: 1 }, "/x", 200)).toMatchObject({ code: "bad_response", kind: "invalid" });
  });

  it("maps v1 errors by HTTP status", () => {
    expect(errorFromV1({ code: "InvalidAuthentication", message: "m" }, "/v1.0/contact/users/me", 401)).toMatchObject({
      kind: "auth",
    });
    expect(errorFromV1({ code: "invalidAuthCode" }, "/v1.0/oauth2/userAccessToken", 400)).toMatchObject({
      kind: "auth",
    });
    expect(errorFromV1({ code: "Throttling.Api" }, "/x", 429)).toMatchObject({ kind: "throttled", retryable: true });
  });

  it("knows local addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
    ]) {
      expect(isLocalAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "47.96.0.1", "2400:3200::1", "::ffff:8.8.8.8"])
      expect(isLocalAddress(a), a).toBe(false);
  });
});
