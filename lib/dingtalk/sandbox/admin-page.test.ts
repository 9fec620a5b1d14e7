// The admin page's forms over raw HTTP: create a corp, reset one, the CSRF guard, languages, escaping.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickLang } from "./admin-words";
import { formToken, isLocalHost, isValidFormToken } from "./form-guard";
import { SEED_USERS } from "./seed";
import { FAST_CLIENT, TestSandbox } from "./testing";
import { createDingTalkClient } from "../client";

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; text: string };
type State = { departments: { dept_id: number; name: string }[]; users: { userid: string }[] };

let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

/** One raw HTTP exchange, so that Host, Origin and Sec-Fetch-Site are exactly as given. */
function send(method: string, path: string, headers: Record<string, string> = {}, body = ""): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${sb.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

const page = (path = "/_sandbox", headers: Record<string, string> = {}) => send("GET", path, headers);
const tokenIn = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1] ?? "";
const sameOrigin = () => ({ origin: sb.url, "sec-fetch-site": "same-origin" });
const form = { "content-type": "application/x-www-form-urlencoded" };

/** Submits a form as the browser does from the sandbox's own page (unless headers say otherwise). */
async function submit(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return send("POST", path, { ...form, ...sameOrigin(), ...headers }, new URLSearchParams(fields).toString());
}

async function createCorp(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const token = tokenIn((await page()).text);
  return submit("/_sandbox/corps", { token, corpId: "", appKey: "", appSecret: "", ...fields }, headers);
}

const state = (corpId: string) => sb.admin<State>("GET", `/_sandbox/state?corpId=${encodeURIComponent(corpId)}`);
const credential = (html: string, key: string) =>
  new RegExp(`data-testid="cred-${key}">([^<]*)<`).exec(html)?.[1] ?? "";

describe("create a corp from the page", () => {
  it("generates CorpId, AppKey and AppSecret, shows them with the base URLs, and they fetch a token", async () => {
    const res = await createCorp({ corpName: "Second Corp" });
    expect(res.status).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(/^\/_sandbox\?created=ding[0-9a-f]{16}&lang=en#corp-ding/);

    const shown = (await page(location)).text;
    expect(shown).toContain("Corp Second Corp created");
    const corpId = credential(shown, "corpId");
    const appKey = credential(shown, "appKey");
    const appSecret = credential(shown, "appSecret");
    expect(location).toContain(`created=${corpId}`);
    expect(appKey).toMatch(/^ding[0-9a-f]{16}$/);
    expect(appSecret).toMatch(/^[0-9a-f]{64}$/);
    for (const key of ["apiBaseUrl", "v1BaseUrl", "loginBaseUrl"]) expect(credential(shown, key)).toBe(sb.url);

    const client = createDingTalkClient({
      ...FAST_CLIENT,
      corpId,
      appKey,
      appSecret,
      baseUrl: sb.url,
      v1BaseUrl: sb.url,
      loginBaseUrl: sb.url,
    });
    await expect(client.getAccessToken()).resolves.toMatch(/\S/);
    expect(await client.getDepartment(1)).toMatchObject({ name: "Second Corp" });
    const { departments, users } = await state(corpId);
    expect(departments).toHaveLength(1);
    expect(users).toEqual([]);
  });

  it("takes typed ids and, with people, seeds the employees", async () => {
    const ids = { corpId: `dingtyped${process.pid}`, appKey: `dingtypedkey${process.pid}`, appSecret: "s3cret" };
    const res = await createCorp({ corpName: "Typed", ...ids, withPeople: "on" });
    expect(res.status).toBe(303);
    expect((await state(ids.corpId)).users.map((u) => u.userid)).toEqual(SEED_USERS.map((u) => u.userid));
    const token = await fetch(`${sb.url}/gettoken?appkey=${ids.appKey}&appsecret=${ids.appSecret}`);
    expect(await token.json()).toMatchObject({ errcode: 0 });
  });

  it.each([
    [{ corpName: "  " }, "corpName", "Enter a corp name."],
    [{ corpName: "X", corpId: "has space" }, "corpId", "Use letters, digits, _ and - only."],
    [{ corpName: "X", appKey: "k".repeat(65) }, "appKey", "At most 64 characters."],
    [{ corpName: "X", appSecret: "a b" }, "appSecret", "An AppSecret has no spaces."],
    [{ corpName: "X", corpId: "dingsandboxcorp" }, "corpId", "A corp with this CorpId already exists."],
    [{ corpName: "X", appKey: "dingsandboxkey" }, "appKey", "This AppKey belongs to another app."],
  ])("refuses %j with the field marked (%s) and creates nothing", async (fields, name, message) => {
    const before = Object.keys((await sb.admin<{ corps: object }>("GET", "/_sandbox/calls")).corps).length;
    const res = await createCorp(fields);
    expect(res.status).toBe(400);
    expect(res.text).toContain('role="alert"');
    expect(res.text).toMatch(new RegExp(`id="${name}"[^>]*aria-invalid="true"[^>]*aria-describedby="${name}-error`));
    expect(res.text).toContain(message);
    expect(Object.keys((await sb.admin<{ corps: object }>("GET", "/_sandbox/calls")).corps)).toHaveLength(before);
  });
});

describe("the forms refuse forged requests", () => {
  it.each([
    ["another site's Origin", { origin: "http://evil.example" }],
    ["a cross-site fetch", { "sec-fetch-site": "cross-site" }],
    ["a same-site page on another port", { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:1" }],
    ["an opaque origin", { origin: "null" }],
    ["a DNS-rebound host name", { host: "evil.example:3100", origin: "http://evil.example:3100" }],
  ])("refuses %s even with a valid token (403) and creates nothing", async (_what, headers) => {
    const res = await createCorp({ corpName: "Forged", corpId: "dingforged" }, headers);
    expect(res.status).toBe(403);
    expect(res.text).toContain("Refused: nothing was changed");
    expect(await fetch(`${sb.url}/_sandbox/state?corpId=dingforged`).then((r) => r.status)).toBe(404);
  });

  it.each([
    ["no token", ""],
    ["a made-up token", "lq2x.AAAA"],
    ["a reset token", formToken("reset")],
    ["an expired token", formToken("create", Date.now() - 13 * 60 * 60_000)],
  ])("refuses a same-origin form with %s", async (_what, token) => {
    const res = await submit("/_sandbox/corps", { token, corpName: "Forged", corpId: "dingforged2" });
    expect(res.status).toBe(403);
    expect(await fetch(`${sb.url}/_sandbox/state?corpId=dingforged2`).then((r) => r.status)).toBe(404);
  });

  it("refuses a text/plain body (what a cross-site form can send as JSON)", async () => {
    const res = await send(
      "POST",
      "/_sandbox/corps/reset",
      { "content-type": "text/plain", ...sameOrigin() },
      JSON.stringify({ corpId: "dingsandboxcorp" }),
    );
    expect(res.status).toBe(415);
  });

  it("the token checks: signed for its purpose, unaltered, not older than 12 hours; hosts: localhost or IP", () => {
    const now = Date.now();
    const token = formToken("create", now);
    expect(isValidFormToken(token, "create", now)).toBe(true);
    expect(isValidFormToken(token, "reset", now)).toBe(false);
    expect(isValidFormToken(`${token}x`, "create", now)).toBe(false);
    expect(isValidFormToken(token, "create", now + 12 * 60 * 60_000 + 1)).toBe(false);
    expect(isValidFormToken(formToken("create", now + 5 * 60_000), "create", now)).toBe(false);
    expect(isValidFormToken(undefined, "create", now)).toBe(false);
    expect(["localhost:3100", "127.0.0.1:3100", "[::1]:3100", "10.0.0.5", "app.localhost"].map(isLocalHost)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["evil.example:3100", "127.0.0.1.nip.io", "", undefined].map(isLocalHost)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("reset a corp from the page", () => {
  it("asks first (nothing changes), then empties the corp, or reseeds it with people", async () => {
    const created = await createCorp({ corpName: "To reset", withPeople: "on" });
    const corpId = new URL(String(created.headers.location), sb.url).searchParams.get("created")!;
    expect((await state(corpId)).users).toHaveLength(SEED_USERS.length);

    const ask = await page(`/_sandbox/corps/reset?corpId=${corpId}&lang=en`);
    expect(ask.status).toBe(200);
    expect(ask.text).toContain(`Reset To reset (${corpId})?`);
    expect(ask.text).toContain(`This deletes its 3 departments and ${SEED_USERS.length} users`);
    expect((await state(corpId)).users).toHaveLength(SEED_USERS.length);

    const token = tokenIn(ask.text);
    const res = await submit("/_sandbox/corps/reset", { token, corpId, lang: "en" });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/_sandbox?reset=${corpId}&lang=en#corp-${corpId}`);
    expect(await state(corpId)).toMatchObject({ departments: [{ dept_id: 1, name: "To reset" }], users: [] });
    expect((await page(String(res.headers.location))).text).toContain(
      "To reset was reset: 1 department and 0 users now.",
    );

    await submit("/_sandbox/corps/reset", { token, corpId, withPeople: "on" });
    expect((await state(corpId)).users).toHaveLength(SEED_USERS.length);
  });

  it("an unknown corp is a 404 page, for the question and the form", async () => {
    expect((await page("/_sandbox/corps/reset?corpId=nope")).status).toBe(404);
    const token = formToken("reset");
    const res = await submit("/_sandbox/corps/reset", { token, corpId: "nope" });
    expect(res.status).toBe(404);
    expect(res.text).toContain("There is no corp nope in this sandbox.");
  });

  it("the JSON reset is unchanged: POST /_sandbox/reset {corpId} still answers JSON", async () => {
    const corp = await sb.corp();
    expect(await sb.admin("POST", "/_sandbox/reset", { corpId: corp.corpId })).toEqual({ reset: corp.corpId });
  });
});

describe("words and escaping", () => {
  it.each([
    [undefined, "en", "en", "This is not DingTalk."],
    ["?lang=ja", undefined, "ja", "これは DingTalk ではありません。"],
    ["", "zh-CN,zh;q=0.9,en;q=0.8", "zh-CN", "这不是钉钉。"],
    ["?lang=xx", "ja-JP,ja;q=0.9", "ja", "企業を作成"],
  ])("GET /_sandbox%s with Accept-Language %s is in %s", async (query, accept, lang, words) => {
    const res = await page(`/_sandbox${query ?? ""}`, accept ? { "accept-language": accept } : {});
    expect(res.text).toContain(`<html lang="${lang}">`);
    expect(res.text).toContain(words);
    expect(res.text).toContain(sb.dataFile.replaceAll("&", "&amp;"));
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["cache-control"]).toBe("no-store");
    for (const other of ["en", "zh-CN", "ja"]) expect(res.text).toContain(`hreflang="${other}"`);
  });

  it.each([
    ["zh-CN", "zh-CN"],
    ["ja-JP;q=0.5, en;q=0.9", "en"],
    ["fr-FR, ja;q=0.4", "ja"],
    ["zh-TW", "zh-CN"],
    ["de", "en"],
    ["ja;q=0", "en"],
    [undefined, "en"],
  ])("Accept-Language %s picks %s", (accept, lang) => {
    expect(pickLang(null, accept)).toBe(lang);
  });

  it("escapes everything it echoes: form values, corp names, ids and user names", async () => {
    const nasty = `<img src=x onerror=alert(1)>"'&`;
    const refused = await createCorp({ corpName: nasty, corpId: "bad id" });
    expect(refused.status).toBe(400);
    expect(refused.text).not.toContain("<img");
    expect(refused.text).toContain('value="&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"');

    await sb.admin("POST", "/_sandbox/apps", {
      corpId: `x"><script>alert(1)</script>`,
      appKey: `k"><b>${process.pid}`,
      appSecret: "s<i>",
      corpName: nasty,
    });
    const created = await createCorp({ corpName: nasty });
    const shown = (await page(String(created.headers.location))).text;
    expect(shown).toContain("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
    expect(shown).toContain("x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(shown).not.toMatch(/<script|<img|s<i>/);
    expect(shown).not.toContain(`<b>${process.pid}`);
    const ask = await page(`/_sandbox/corps/reset?corpId=${encodeURIComponent(`x"><script>alert(1)</script>`)}`);
    expect(ask.status).toBe(200);
    expect(ask.text).not.toMatch(/<script|<img/);
  });
});

describe("the JSON admin endpoints", () => {
  const json = { "content-type": "application/json" };
  const reset = (headers: Record<string, string>) =>
    send("POST", "/_sandbox/reset", { ...json, ...headers }, JSON.stringify({ corpId: "dingsandboxcorp" }));

  it("refuse a page of another site, a same-site page and a DNS-rebound name; scripts and the sandbox's own page pass", async () => {
    expect((await reset({ origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await reset({ "sec-fetch-site": "same-site" })).status).toBe(403);
    expect((await reset({ origin: "null" })).status).toBe(403);
    expect((await reset({ host: "rebound.example:1234", origin: "http://rebound.example:1234" })).status).toBe(403);
    expect((await reset({})).status).toBe(200);
    expect((await reset(sameOrigin())).status).toBe(200);
  });
});

describe("a large corp on the page", () => {
  it("lists its directory and every launcher button only when it is in focus, so the page stays light", async () => {
    const corp = await sb.corp();
    const client = sb.client(corp);
    for (let i = 0; i < 31; i++) await client.createUser({ userid: `big${i}`, name: `Big ${i}`, deptIdList: [1] });
    const main = (await page()).text;
    expect(main).toContain(`Show the directory of ${corp.corpId} (1 department, 31 users)`);
    expect(main).not.toContain("<td>big30</td>");
    expect(main).toContain("and 11 more users");
    const focused = (await page(`/_sandbox?corp=${encodeURIComponent(corp.corpId)}`)).text;
    expect(focused).toContain("<td>big30</td>");
    expect(focused).not.toContain(`Show the directory of ${corp.corpId}`);
  });
});
