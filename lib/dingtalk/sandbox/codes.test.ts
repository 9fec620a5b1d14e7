// Login and JSAPI codes: single use, short-lived, of one kind, and the in-app launcher.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DingTalkClient } from "../client";
import { CODE_TTL_MS } from "./context";
import { caught, TestSandbox, type TestCorp } from "./testing";

let sb: TestSandbox;
let corp: TestCorp;
let client: DingTalkClient;

beforeAll(async () => {
  sb = await TestSandbox.start();
  corp = await sb.corp();
  client = sb.client(corp);
  await client.createUser({ userid: "ann", name: "Ann <Lee>", deptIdList: [1] });
});
afterAll(() => sb.close());
afterEach(() => vi.useRealTimers());

async function qrCode(userid: string): Promise<string> {
  const res = await fetch(`${sb.url}/oauth2/auth/scan`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: corp.appKey,
      redirect_uri: "https://console.example/cb",
      state: "s",
      userid,
    }),
  });
  return new URL(res.headers.get("location") ?? "").searchParams.get("authCode") ?? "";
}

const ssoCode = async (userid: string) =>
  (await sb.admin<{ code: string }>("POST", "/_sandbox/sso-code", { corpId: corp.corpId, userid })).code;

async function launch(params: Record<string, string>): Promise<Response> {
  return fetch(`${sb.url}/_sandbox/launch?${new URLSearchParams(params)}`, { redirect: "manual" });
}

describe("sandbox codes", () => {
  it("a QR authCode is exchanged once; the second exchange is refused", async () => {
    const code = await qrCode("ann");
    expect((await client.getUserAccessToken(code)).accessToken).toBeTruthy();
    expect(await caught(() => client.getUserAccessToken(code))).toMatchObject({
      code: "v1_error",
      v1Code: "invalidAuthCode",
    });
  });

  it("a code of one kind is not accepted as the other (and is spent by the attempt)", async () => {
    const qr = await qrCode("ann");
    expect(await caught(() => client.getUserInfoByCode(qr))).toMatchObject({ errcode: 40078 });
    expect(await caught(() => client.getUserAccessToken(qr))).toMatchObject({ v1Code: "invalidAuthCode" });
    const sso = await ssoCode("ann");
    expect(await caught(() => client.getUserAccessToken(sso))).toMatchObject({ v1Code: "invalidAuthCode" });
  });

  it("codes expire after five minutes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const [qr, sso] = [await qrCode("ann"), await ssoCode("ann")];
    vi.setSystemTime(Date.now() + CODE_TTL_MS + 1);
    expect(await caught(() => client.getUserAccessToken(qr))).toMatchObject({ v1Code: "invalidAuthCode" });
    expect(await caught(() => client.getUserInfoByCode(sso))).toMatchObject({ errcode: 40078 });
  });

  it("a code of another corp is refused", async () => {
    const other = await sb.corp();
    const otherClient = sb.client(other);
    await otherClient.createUser({ userid: "bob", name: "Bob", deptIdList: [1] });
    const code = (
      await sb.admin<{ code: string }>("POST", "/_sandbox/sso-code", { corpId: other.corpId, userid: "bob" })
    ).code;
    expect(await caught(() => client.getUserInfoByCode(code))).toMatchObject({ errcode: 40078 });
  });
});

describe("the in-app launcher", () => {
  it("opens the home page URL with a code getuserinfo accepts once", async () => {
    const res = await launch({
      corpId: corp.corpId,
      userid: "ann",
      url: "http://localhost:3000/sso/dingtalk/idp1?corpId=$CORPID$",
    });
    expect(res.status).toBe(302);
    const target = new URL(res.headers.get("location") ?? "");
    expect(target.origin + target.pathname).toBe("http://localhost:3000/sso/dingtalk/idp1");
    expect(target.searchParams.get("corpId")).toBe(corp.corpId);
    const code = target.searchParams.get("code") ?? "";
    expect(await client.getUserInfoByCode(code)).toMatchObject({ userid: "ann" });
    expect(await caught(() => client.getUserInfoByCode(code))).toMatchObject({ errcode: 40078 });
  });

  it("refuses unknown users and non-http URLs", async () => {
    expect((await launch({ corpId: corp.corpId, userid: "nobody", url: "http://localhost/" })).status).toBe(404);
    expect((await launch({ corpId: corp.corpId, userid: "ann", url: "javascript:alert(1)" })).status).toBe(400);
  });

  it("the admin page offers 'Open the app as <user>' per corp, escaped", async () => {
    const html = await (await fetch(`${sb.url}/_sandbox`)).text();
    expect(html).toContain(`aria-label="Open the app in DingTalk (${corp.corpId})"`);
    expect(html).toContain('<button type="submit" name="userid" value="ann">Open the app as Ann &lt;Lee&gt;</button>');
  });
});
