// Every errcode of DINGTALK.md's table, produced by the sandbox's own rules, mapped to a kind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DingTalkClient } from "./client";
import { DingTalkError, describeDingTalkError, type DingTalkErrorKind } from "./errors";
import { caught, TestSandbox, type TestCorp } from "./sandbox/testing";
import { READ_SCOPES } from "./sandbox/types";

let sb: TestSandbox;
let corp: TestCorp;
let client: DingTalkClient;

beforeAll(async () => {
  sb = await TestSandbox.start();
  corp = await sb.corp();
  client = sb.client(corp, { retries: 0 });
});
afterAll(() => sb.close());

async function expectError(
  fn: () => Promise<unknown>,
  errcode: number,
  kind: DingTalkErrorKind,
): Promise<DingTalkError> {
  const err = await caught(fn);
  expect(err).toBeInstanceOf(DingTalkError);
  const e = err as DingTalkError;
  expect({ code: e.effectiveCode, kind: e.kind }).toEqual({ code: errcode, kind });
  expect(describeDingTalkError(e).fix.length).toBeGreaterThan(10);
  return e;
}

/** A client whose fetch first lets the sandbox do something to the tokens. */
function tokenTampering(action: "garble" | "expire"): DingTalkClient {
  return sb.client(corp, {
    retries: 0,
    fetch: async (input, init) => {
      const url = new URL(input);
      if (url.pathname !== "/gettoken") {
        if (action === "garble") url.searchParams.set("access_token", "0".repeat(32));
        else await sb.admin("POST", "/_sandbox/expire-tokens", { corpId: corp.corpId });
      }
      return fetch(url, init);
    },
  });
}

describe("DingTalk error codes through the client", () => {
  it("departments: 60003, 60004, 60005, 60006, 60007, 60008, 60002, 60110", async () => {
    await expectError(() => client.getDepartment(424242), 60003, "not_found");
    await expectError(() => client.createDepartment({ name: "Orphan", parentId: 424242 }), 60004, "not_found");
    const full = await client.createDepartment({ name: "Full", parentId: 1 });
    await client.createUser({ userid: "member", name: "Member", deptIdList: [full] });
    await expectError(() => client.deleteDepartment(full), 60005, "conflict");
    const parent = await client.createDepartment({ name: "Parent", parentId: 1 });
    await client.createDepartment({ name: "Kid", parentId: parent });
    await expectError(() => client.deleteDepartment(parent), 60006, "conflict");
    await expectError(() => client.deleteDepartment(1), 60007, "invalid");
    await expectError(() => client.createDepartment({ name: "Kid", parentId: parent }), 60008, "conflict");

    let deepest = 1;
    for (let level = 2; level <= 20; level += 1)
      deepest = await client.createDepartment({ name: `L${level}`, parentId: deepest });
    await expectError(() => client.createDepartment({ name: "L21", parentId: deepest }), 60002, "invalid");

    const small = await sb.corp({ faults: { maxSubDepartments: 2 } });
    const smallClient = sb.client(small, { retries: 0 });
    await smallClient.createDepartment({ name: "A", parentId: 1 });
    await smallClient.createDepartment({ name: "B", parentId: 1 });
    await expectError(() => smallClient.createDepartment({ name: "C", parentId: 1 }), 60110, "invalid");
  });

  it("users: 60102, 60103, 60104, 60105, 60106, 60121", async () => {
    await client.createUser({
      userid: "taken",
      name: "Taken",
      mobile: "13800000099",
      email: "taken@example.com",
      deptIdList: [1],
    });
    await expectError(() => client.createUser({ userid: "taken", name: "Again", deptIdList: [1] }), 60102, "conflict");
    await expectError(
      () => client.createUser({ userid: "m1", name: "M", mobile: "12345", deptIdList: [1] }),
      60103,
      "invalid",
    );
    await expectError(
      () => client.createUser({ userid: "m2", name: "M", mobile: "+86-13800000099", deptIdList: [1] }),
      60104,
      "conflict",
    );
    await expectError(
      () => client.createUser({ userid: "e1", name: "E", email: "not-an-email", deptIdList: [1] }),
      60105,
      "invalid",
    );
    await expectError(
      () => client.createUser({ userid: "e2", name: "E", email: "TAKEN@example.com", deptIdList: [1] }),
      60106,
      "conflict",
    );
    await expectError(() => client.updateUser({ userid: "ghost", title: "x" }), 60121, "not_found");
    await expectError(() => client.getUseridByMobile("13811112222"), 60121, "not_found");
  });

  it("88/60011 names the missing permission", async () => {
    const readonly = await sb.corp({ scopes: [...READ_SCOPES] });
    const e = await expectError(
      () => sb.client(readonly, { retries: 0 }).createUser({ userid: "x", name: "X", deptIdList: [1] }),
      60011,
      "permission",
    );
    expect(e.errcode).toBe(88);
    expect(e.subCode).toBe(60011);
    expect(e.message).toContain("qyapi_manage_addresslist");
    expect(describeDingTalkError(e).title).toContain("qyapi_manage_addresslist");
  });

  it("50004: a department outside the app's authorised scope", async () => {
    const scoped = await sb.corp({ authedDept: [424242] });
    await expectError(() => sb.client(scoped, { retries: 0 }).listSubDepartmentIds(1), 50004, "permission");
  });

  it("60020 says to add the egress IP", async () => {
    const locked = await sb.corp({ allowedIps: ["203.0.113.7"] });
    const e = await expectError(() => sb.client(locked, { retries: 0 }).getDepartment(1), 60020, "permission");
    expect(e.message).toMatch(/egress IP/);
  });

  it("40089: a wrong AppSecret", async () => {
    await expectError(() => sb.client({ ...corp, appSecret: "wrong" }).getAccessToken(), 40089, "auth");
  });

  it("40014 and 42001: refreshed once, retried once, then reported as auth", async () => {
    for (const [action, code] of [
      ["garble", 40014],
      ["expire", 42001],
    ] as const) {
      const tampered = tokenTampering(action);
      await expectError(() => tampered.getDepartment(1), code, "auth");
      expect(tampered.stats().byEndpoint["/topapi/v2/department/get"]).toEqual({ [`errcode_${code}`]: 2 });
    }
  });

  it("-1 and 90002/90005/90006/90019 (injected), 90018 (rate rule): retryable", async () => {
    for (const code of [-1, 90002, 90005, 90006, 90019]) {
      const faulty = await sb.corp({ faults: { errorRate: 1, errcodes: [code] } });
      const e = await expectError(
        () => sb.client(faulty, { retries: 0 }).getDepartment(1),
        code,
        code === -1 ? "transient" : "throttled",
      );
      expect(e.retryable).toBe(true);
    }
    const slow = await sb.corp({ faults: { qps: 1 } });
    const slowClient = sb.client(slow, { retries: 0 });
    await slowClient.getAccessToken();
    const e = await expectError(() => slowClient.getDepartment(1), 90018, "throttled");
    expect(e.retryable).toBe(true);
  });

  it("90020: the monthly quota stops the run (not retried)", async () => {
    const capped = await sb.corp({ faults: { monthlyQuota: 1 } });
    const cappedClient = sb.client(capped, { retries: 3 });
    await cappedClient.getDepartment(1);
    const e = await expectError(() => cappedClient.getDepartment(1), 90020, "quota");
    expect(e.retryable).toBe(false);
    expect(cappedClient.stats().retries).toBe(0);
  });
});
