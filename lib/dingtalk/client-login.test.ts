import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DingTalkClient } from "./client";
import { SEED_APP, SEED_CORP_ID } from "./sandbox/seed";
import { caught, TestSandbox } from "./sandbox/testing";

let sb: TestSandbox;
let client: DingTalkClient;

beforeAll(async () => {
  sb = await TestSandbox.start();
  client = sb.client({ corpId: SEED_CORP_ID, ...SEED_APP });
});
afterAll(() => sb.close());

/** What a browser does: open the login page, "scan as" a user, follow the redirect to us. */
async function scanAs(userid: string): Promise<URL> {
  const loginUrl = client.buildLoginUrl({
    redirectUri: "https://console.example.com/api/dingtalk/callback",
    state: "xyz",
  });
  const html = await (await fetch(loginUrl)).text();
  expect(html).toContain(`data-userid="${userid}"`);
  const form = new URL(loginUrl).searchParams;
  const res = await fetch(`${sb.url}/oauth2/auth/scan`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: form.get("client_id") ?? "",
      redirect_uri: form.get("redirect_uri") ?? "",
      state: "xyz",
      userid,
    }),
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location") ?? "");
}

describe("DingTalk login through the sandbox", () => {
  it("QR login: page -> authCode -> userAccessToken -> contact/users/me", async () => {
    const callback = await scanAs("john.smith");
    expect(callback.origin + callback.pathname).toBe("https://console.example.com/api/dingtalk/callback");
    expect(callback.searchParams.get("state")).toBe("xyz");
    const code = callback.searchParams.get("authCode") ?? "";

    const token = await client.getUserAccessToken(code);
    expect(token.expireIn).toBe(7200);
    const me = await client.getContactUserMe(token.accessToken);
    expect(me).toMatchObject({ nick: "John Smith", email: "jsmith@sandbox-corp.example" });

    const user = await client.getUser("john.smith");
    expect(me.unionId).toBe(user.unionid);
    expect(await client.getUseridByUnionid(me.unionId)).toBe("john.smith");

    expect(await caught(() => client.getUserAccessToken(code))).toMatchObject({ code: "v1_error", kind: "auth" }); // single use
    expect(await caught(() => client.getContactUserMe("bogus"))).toMatchObject({
      code: "v1_error",
      kind: "auth",
      httpStatus: 401,
    });
  });

  it("in-app SSO: an issued code answers getuserinfo once", async () => {
    const { code } = await sb.admin<{ code: string }>("POST", "/_sandbox/sso-code", {
      corpId: SEED_CORP_ID,
      userid: "dt0001",
    });
    expect(await client.getUserInfoByCode(code)).toMatchObject({ userid: "dt0001", name: "Zhang Wei" });
    expect(await caught(() => client.getUserInfoByCode(code))).toMatchObject({ errcode: 40078, kind: "invalid" });
  });

  it("escapes user data on the login page", async () => {
    await client.createUser({ userid: "xss", name: "<script>alert(1)</script>", deptIdList: [1] });
    const html = await (await fetch(client.buildLoginUrl({ redirectUri: "https://a.example/cb", state: "s" }))).text();
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;");
    await client.deleteUser("xss");
  });
});
