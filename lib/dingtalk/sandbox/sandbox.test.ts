// The sandbox's own rules over raw HTTP, in DingTalk's wire format.
import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_APP, SEED_CORP_ID, SEED_READONLY_APP, SEED_USERS } from "./seed";
import { startSandbox } from "./server";
import { TestSandbox, type TestCorp } from "./testing";

type Answer = { errcode: number; errmsg: string; sub_code?: string; result?: unknown; [key: string]: unknown };

let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

async function token(app: { appKey: string; appSecret: string }): Promise<string> {
  const res = await fetch(`${sb.url}/gettoken?appkey=${app.appKey}&appsecret=${app.appSecret}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function call(tok: string, path: string, body: unknown): Promise<Answer> {
  const res = await fetch(`${sb.url}${path}?access_token=${tok}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Answer;
}

async function freshCorp(): Promise<{ corp: TestCorp; tok: string }> {
  const corp = await sb.corp();
  return { corp, tok: await token(corp) };
}

describe("sandbox rules", () => {
  it("mobile and e-mail stay unique through updates and deletes (the index follows every write)", async () => {
    const { tok } = await freshCorp();
    const create = (userid: string, mobile: string, email: string) =>
      call(tok, "/topapi/v2/user/create", { userid, name: userid, mobile, email, dept_id_list: "1" });
    expect(await create("a", "13900000001", "a@example.com")).toMatchObject({ errcode: 0 });
    expect(await create("b", "+86-13900000001", "b@example.com")).toMatchObject({ errcode: 60104 });
    expect(await create("b", "13900000002", "A@Example.com")).toMatchObject({ errcode: 60106 });
    expect(
      await call(tok, "/topapi/v2/user/update", { userid: "a", mobile: "13900000009", email: "a2@example.com" }),
    ).toMatchObject({ errcode: 0 });
    expect(await create("b", "13900000001", "a@example.com")).toMatchObject({ errcode: 0 });
    expect(await create("c", "13900000009", "c@example.com")).toMatchObject({ errcode: 60104 });
    expect(await call(tok, "/topapi/v2/user/getbymobile", { mobile: "13900000009" })).toMatchObject({
      result: { userid: "a" },
    });
    expect(await call(tok, "/topapi/v2/user/delete", { userid: "a" })).toMatchObject({ errcode: 0 });
    expect(await create("c", "13900000009", "a2@example.com")).toMatchObject({ errcode: 0 });
  });

  it("gettoken: the same token while valid; 40089 for a bad secret; 40014 for an unknown token", async () => {
    const a = await token(SEED_APP);
    expect(await token(SEED_APP)).toBe(a);
    const bad = await (await fetch(`${sb.url}/gettoken?appkey=${SEED_APP.appKey}&appsecret=nope`)).json();
    expect(bad).toMatchObject({ errcode: 40089 });
    expect(await call("nope", "/topapi/v2/department/get", { dept_id: 1 })).toMatchObject({ errcode: 40014 });
  });

  it("seeds a corp whose users match demo accounts by email, mobile and userid", async () => {
    const state = await sb.admin<{
      departments: { dept_id: number; parent_id?: number }[];
      users: { userid: string; email?: string; mobile?: string }[];
    }>("GET", `/_sandbox/state?corpId=${SEED_CORP_ID}`);
    expect(state.departments[0]).toMatchObject({ dept_id: 1, name: "Sandbox Corp" });
    expect(state.departments[0].parent_id).toBeUndefined();
    expect(state.users).toHaveLength(SEED_USERS.length);
    expect(state.users.filter((u) => u.email?.endsWith("@example.com"))).toHaveLength(5);
    expect(state.users.filter((u) => u.mobile?.startsWith("+86-138"))).toHaveLength(3);
    expect(state.users.map((u) => u.userid)).toContain("john.smith");
  });

  it("enforces per-app scopes with errcode 88 / sub_code 60011", async () => {
    const ro = await token(SEED_READONLY_APP);
    expect(await call(ro, "/topapi/v2/department/create", { name: "X", parent_id: 1 })).toMatchObject({
      errcode: 88,
      sub_code: "60011",
    });
    expect(await call(ro, "/topapi/v2/department/get", { dept_id: 1 })).toMatchObject({ errcode: 0 });
  });

  it("department names: 1-64 characters, no '-' or ',', unique among siblings only", async () => {
    const { tok } = await freshCorp();
    for (const name of ["", "a-b", "a,b", "x".repeat(65)]) {
      expect(await call(tok, "/topapi/v2/department/create", { name, parent_id: 1 }), name).toMatchObject({
        errcode: 60001,
      });
    }
    const a = (await call(tok, "/topapi/v2/department/create", { name: "Team", parent_id: 1 })).result as {
      dept_id: number;
    };
    const b = (await call(tok, "/topapi/v2/department/create", { name: "Other", parent_id: 1 })).result as {
      dept_id: number;
    };
    expect(await call(tok, "/topapi/v2/department/create", { name: "Team", parent_id: b.dept_id })).toMatchObject({
      errcode: 0,
    });
    expect(await call(tok, "/topapi/v2/department/update", { dept_id: b.dept_id, name: "Team" })).toMatchObject({
      errcode: 60008,
    });
    expect(await call(tok, "/topapi/v2/department/update", { dept_id: a.dept_id, parent_id: a.dept_id })).toMatchObject(
      { errcode: 40035 },
    );
    expect(await call(tok, "/topapi/v2/department/update", { dept_id: 1, parent_id: a.dept_id })).toMatchObject({
      errcode: 60007,
    });
  });

  it("users: mobile uniqueness ignores the +86- prefix, email is case-insensitive, dept_id_list is a string", async () => {
    const { tok } = await freshCorp();
    const base = { name: "N", dept_id_list: "1" };
    expect(
      await call(tok, "/topapi/v2/user/create", {
        ...base,
        userid: "a",
        mobile: "13800000001",
        email: "A@example.com",
      }),
    ).toMatchObject({ errcode: 0 });
    expect(
      await call(tok, "/topapi/v2/user/create", { ...base, userid: "b", mobile: "+86-13800000001" }),
    ).toMatchObject({ errcode: 60104 });
    expect(await call(tok, "/topapi/v2/user/create", { ...base, userid: "c", email: "a@EXAMPLE.com" })).toMatchObject({
      errcode: 60106,
    });
    expect(await call(tok, "/topapi/v2/user/create", { ...base, userid: "d", dept_id_list: "1,999" })).toMatchObject({
      errcode: 60003,
    });
    expect(await call(tok, "/topapi/v2/user/create", { userid: "e", dept_id_list: "1" })).toMatchObject({
      errcode: 40035,
    });
    // A failed update changes nothing.
    expect(await call(tok, "/topapi/v2/user/update", { userid: "a", title: "T", email: "bad" })).toMatchObject({
      errcode: 60105,
    });
    const got = (await call(tok, "/topapi/v2/user/get", { userid: "a" })).result as Record<string, unknown>;
    expect(got).toMatchObject({ userid: "a", dept_id_list: [1], email: "A@example.com" });
    expect(got.title).toBeUndefined();
  });

  it("list: size 1-100, cursor and has_more, direct members only", async () => {
    const { tok } = await freshCorp();
    for (let i = 0; i < 5; i += 1)
      await call(tok, "/topapi/v2/user/create", { userid: `u${i}`, name: "U", dept_id_list: "1" });
    expect(await call(tok, "/topapi/v2/user/list", { dept_id: 1, cursor: 0, size: 101 })).toMatchObject({
      errcode: 40035,
    });
    expect(await call(tok, "/topapi/v2/user/list", { dept_id: 1, cursor: 0 })).toMatchObject({ errcode: 40035 });
    const page = await call(tok, "/topapi/v2/user/list", { dept_id: 1, cursor: 2, size: 2 });
    expect(page.result).toMatchObject({ has_more: true, next_cursor: 4, list: [{ userid: "u2" }, { userid: "u3" }] });
    expect((await call(tok, "/topapi/v2/user/list", { dept_id: 1, cursor: 4, size: 2 })).result).toMatchObject({
      has_more: false,
    });
  });

  it("counts calls by path and errcode; answers 404 for unknown paths", async () => {
    const { corp, tok } = await freshCorp();
    await call(tok, "/topapi/v2/department/get", { dept_id: 1 });
    await call(tok, "/topapi/v2/department/get", { dept_id: 9 });
    expect((await sb.calls(corp.corpId)).byPath["/topapi/v2/department/get"]).toEqual({ "0": 1, "60003": 1 });
    expect((await fetch(`${sb.url}/topapi/nope?access_token=${tok}`, { method: "POST" })).status).toBe(404);
  });

  it("the admin page shows the tree and escapes everything", async () => {
    const { tok } = await freshCorp();
    await call(tok, "/topapi/v2/department/create", { name: "<b>Evil</b>", parent_id: 1 });
    const html = await (await fetch(`${sb.url}/_sandbox`)).text();
    expect(html).toContain("Sandbox Corp");
    expect(html).toContain("&lt;b&gt;Evil&lt;/b&gt;");
    expect(html).not.toContain("<b>Evil</b>");
  });

  it("reset brings a corp back to its seeded state", async () => {
    const tok = await token(SEED_APP);
    await call(tok, "/topapi/v2/user/delete", { userid: "john.smith" });
    await sb.admin("POST", "/_sandbox/reset", { corpId: SEED_CORP_ID });
    expect(await call(tok, "/topapi/v2/user/get", { userid: "john.smith" })).toMatchObject({ errcode: 0 });
  });
});

describe("sandbox persistence", () => {
  it("survives a restart (atomic writes, no temp files left)", async () => {
    const first = await startSandbox({
      port: 0,
      dataFile: sb.dataFile.replace("sandbox.json", "restart.json"),
      quiet: true,
    });
    const tokRes = await fetch(`${first.url}/gettoken?appkey=${SEED_APP.appKey}&appsecret=${SEED_APP.appSecret}`);
    const tok = ((await tokRes.json()) as { access_token: string }).access_token;
    const created = await fetch(`${first.url}/topapi/v2/department/create?access_token=${tok}`, {
      method: "POST",
      body: JSON.stringify({ name: "Kept", parent_id: 1 }),
    });
    const deptId = ((await created.json()) as { result: { dept_id: number } }).result.dept_id;
    await first.close();

    const second = await startSandbox({
      port: 0,
      dataFile: sb.dataFile.replace("sandbox.json", "restart.json"),
      quiet: true,
    });
    try {
      const got = await fetch(`${second.url}/topapi/v2/department/get?access_token=${tok}`, {
        method: "POST",
        body: JSON.stringify({ dept_id: deptId }),
      });
      expect(await got.json()).toMatchObject({ errcode: 0, result: { name: "Kept", parent_id: 1 } });
    } finally {
      await second.close();
    }
    expect((await readdir(sb.dataDir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
