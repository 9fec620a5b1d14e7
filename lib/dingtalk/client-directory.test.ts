import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type TestCorp } from "./sandbox/testing";
import type { DingTalkClient } from "./client";

let sb: TestSandbox;
let corp: TestCorp;
let client: DingTalkClient;

beforeAll(async () => {
  sb = await TestSandbox.start();
  corp = await sb.corp();
  client = sb.client(corp);
});
afterAll(() => sb.close());

describe("DingTalkClient against the sandbox: directory", () => {
  it("fetches a token and reads the app's scopes", async () => {
    expect(await client.getAccessToken()).toMatch(/^[0-9a-f]{32}$/);
    const scopes = await client.getAuthScopes();
    expect(scopes.authedDept).toEqual([1]);
    expect(scopes.authUserField).toContain("email");
  });

  it("creates, gets, updates, lists and deletes departments", async () => {
    const eng = await client.createDepartment({
      name: "Engineering",
      parentId: 1,
      order: 2,
      sourceIdentifier: "ou-eng",
    });
    const ops = await client.createDepartment({ name: "Ops", parentId: 1, order: 1 });
    const backend = await client.createDepartment({ name: "Backend", parentId: eng });

    const got = await client.getDepartment(eng);
    expect(got).toMatchObject({ deptId: eng, name: "Engineering", parentId: 1, order: 2, sourceIdentifier: "ou-eng" });
    expect(got.raw.source_identifier).toBe("ou-eng");
    expect((await client.getDepartment(1)).parentId).toBeUndefined();

    const subs = await client.listSubDepartments(1);
    expect(subs.map((d) => d.name)).toEqual(["Ops", "Engineering"]); // by order, one level only
    expect(await client.listSubDepartmentIds(eng)).toEqual([backend]);

    await client.updateDepartment({ deptId: backend, name: "Platform", parentId: ops });
    expect(await client.getDepartment(backend)).toMatchObject({ name: "Platform", parentId: ops });
    expect(await client.listSubDepartmentIds(eng)).toEqual([]);

    await client.deleteDepartment(backend);
    expect(await client.listSubDepartmentIds(ops)).toEqual([]);
  });

  it("creates, gets, updates, finds and deletes users (camelCase in, snake_case on the wire)", async () => {
    const dept = await client.createDepartment({ name: "Users", parentId: 1 });
    const created = await client.createUser({
      userid: "zhang.wei",
      name: "Zhang Wei",
      mobile: "+86-13800000001",
      email: "zhang.wei@example.com",
      jobNumber: "E0001",
      title: "Engineer",
      workPlace: "Hangzhou",
      deptIdList: [1, dept],
      extension: { team: "core" },
    });
    expect(created.userid).toBe("zhang.wei");
    expect(created.unionId).toMatch(/^union/);

    const user = await client.getUser("zhang.wei");
    expect(user).toMatchObject({
      userid: "zhang.wei",
      name: "Zhang Wei",
      jobNumber: "E0001",
      workPlace: "Hangzhou",
      deptIdList: [1, dept],
    });
    expect(user.raw.job_number).toBe("E0001");
    expect(JSON.parse(user.extension ?? "{}")).toEqual({ team: "core" });

    await client.updateUser({ userid: "zhang.wei", title: "Lead", deptIdList: [dept] });
    expect(await client.getUser("zhang.wei")).toMatchObject({
      title: "Lead",
      deptIdList: [dept],
      email: "zhang.wei@example.com",
    });

    expect(await client.getUseridByMobile("13800000001")).toBe("zhang.wei");
    expect(await client.getUseridByMobile("+86-13800000001")).toBe("zhang.wei");
    expect(await client.getUseridByUnionid(user.unionid ?? "")).toBe("zhang.wei");

    await client.deleteUser("zhang.wei");
    await expect(client.getUser("zhang.wei")).rejects.toMatchObject({ errcode: 60121, kind: "not_found" });
  });

  it("pages through a department's direct members with cursor and has_more", async () => {
    const dept = await client.createDepartment({ name: "Paging", parentId: 1 });
    const child = await client.createDepartment({ name: "Child", parentId: dept });
    for (let i = 0; i < 7; i += 1) {
      await client.createUser({ userid: `pager${i}`, name: `Pager ${i}`, deptIdList: [dept] });
    }
    await client.createUser({ userid: "child0", name: "Child member", deptIdList: [child] });

    const first = await client.listUsers({ deptId: dept, size: 3 });
    expect(first.hasMore).toBe(true);
    expect(first.nextCursor).toBe(3);
    expect(first.list.map((u) => u.userid)).toEqual(["pager0", "pager1", "pager2"]);

    const all = await client.listAllUsers(dept, 3);
    expect(all.map((u) => u.userid)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `pager${i}`));
    expect(await client.listUserids(dept)).toHaveLength(7);
    expect(await client.listUserids(child)).toEqual(["child0"]);

    const last = await client.listUsers({ deptId: dept, cursor: 6, size: 3 });
    expect(last).toMatchObject({ hasMore: false, nextCursor: undefined });
  });

  it("counts calls by endpoint and outcome without tokens or secrets", async () => {
    const stats = client.stats();
    expect(stats.byEndpoint["/gettoken"]).toEqual({ ok: 1 });
    expect(stats.byEndpoint["/topapi/v2/user/get"]).toMatchObject({ ok: 2, errcode_60121: 1 });
    expect(stats.requests).toBeGreaterThan(20);
    const text = JSON.stringify(stats);
    expect(text).not.toContain(corp.appSecret);
    expect(text).not.toContain(await client.getAccessToken());
  });
});
