import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDingTalkClient } from "./client";
import { DingTalkError } from "./errors";
import { pausedFor } from "./limiter";
import { caught, TestSandbox } from "./sandbox/testing";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

describe("token lifecycle", () => {
  it("refreshes an expired token (42001) once and retries the call", async () => {
    const corp = await sb.corp();
    const client = sb.client(corp);
    await client.getDepartment(1);
    await sb.admin("POST", "/_sandbox/expire-tokens", { corpId: corp.corpId });
    expect((await client.getDepartment(1)).deptId).toBe(1);
    const stats = client.stats();
    expect(stats.byEndpoint["/topapi/v2/department/get"]).toEqual({ ok: 2, errcode_42001: 1 });
    expect(stats.byEndpoint["/gettoken"]).toEqual({ ok: 2 });
  });

  it("fetches the token single-flight for concurrent calls", async () => {
    const corp = await sb.corp();
    const client = sb.client(corp);
    await Promise.all(Array.from({ length: 12 }, () => client.getDepartment(1)));
    expect((await sb.calls(corp.corpId)).byPath["/gettoken"]).toEqual({ "0": 1 });
  });
});

describe("throttling and faults", () => {
  it("backs off on 90018 and eventually succeeds", async () => {
    const corp = await sb.corp({ faults: { qps: 8 } });
    const client = sb.client(corp, { retries: 10, retryMinDelayMs: 50, retryMaxDelayMs: 300 });
    await Promise.all(Array.from({ length: 12 }, () => client.getDepartment(1)));
    const stats = client.stats();
    expect(stats.byEndpoint["/topapi/v2/department/get"].ok).toBe(12);
    expect(stats.byEndpoint["/topapi/v2/department/get"].errcode_90018).toBeGreaterThan(0);
    expect(stats.retries).toBeGreaterThan(0);
  });

  it("keeps under the sandbox's rate limit with its own limiter (no 90018)", async () => {
    const corp = await sb.corp({ faults: { qps: 50 } });
    const client = sb.client(corp, { qps: 50, retries: 0 });
    await Promise.all(Array.from({ length: 30 }, () => client.getDepartment(1)));
    const calls = await sb.calls(corp.corpId);
    expect(calls.byPath["/topapi/v2/department/get"]).toEqual({ "0": 30 });
  });

  it("recognises the HTML ban page as throttled, pauses every call, then resumes", async () => {
    const corp = await sb.corp({ faults: { errorRate: 1, errcodes: ["html"] } });
    const client = sb.client(corp, { retries: 0, banPauseMs: 200 });
    const err = await caught(() => client.getDepartment(1));
    expect(err).toMatchObject({ code: "ip_ban", kind: "throttled", retryable: true });
    expect(pausedFor(new URL(sb.url).origin)).toBeGreaterThan(0);
    await sb.admin("POST", "/_sandbox/faults", { corpId: corp.corpId, errorRate: 0 });
    expect((await client.getDepartment(1)).deptId).toBe(1);
    expect(pausedFor(new URL(sb.url).origin)).toBe(0);
  });

  it("recognises the JSON ban body and retries through HTTP 502s", async () => {
    const banned = await sb.corp({ faults: { errorRate: 1, errcodes: ["ipban"] } });
    expect(await caught(() => sb.client(banned, { retries: 0 }).getDepartment(1))).toMatchObject({
      code: "ip_ban",
      kind: "throttled",
    });
    const bad = await sb.corp({ faults: { errorRate: 1, errcodes: ["http502"] } });
    expect(await caught(() => sb.client(bad, { retries: 0 }).getDepartment(1))).toMatchObject({
      code: "http_error",
      kind: "transient",
      httpStatus: 502,
    });
    const flaky = await sb.corp({ faults: { errorRate: 0.5, errcodes: [-1, "http502", "html"], seed: 7 } });
    const client = sb.client(flaky, { retries: 8 });
    for (let i = 0; i < 10; i += 1) expect((await client.getDepartment(1)).deptId).toBe(1);
    expect(client.stats().retries).toBeGreaterThan(0);
  });

  it("times out a stalled response as a retryable network error", async () => {
    const corp = await sb.corp();
    const client = sb.client(corp, { retries: 0, timeoutMs: 150 });
    await client.getAccessToken();
    await sb.admin("POST", "/_sandbox/faults", { corpId: corp.corpId, errorRate: 1, errcodes: ["stall"] });
    expect(await caught(() => client.getDepartment(1))).toMatchObject({
      code: "timeout",
      kind: "network",
      retryable: true,
    });
  });
});

describe("guards", () => {
  it("dry-run refuses every write and sends nothing", async () => {
    const corp = await sb.corp();
    const client = sb.client(corp, { dryRun: true });
    const writes = [
      () => client.createUser({ userid: "u", name: "U", deptIdList: [1] }),
      () => client.updateUser({ userid: "u", name: "U" }),
      () => client.deleteUser("u"),
      () => client.createDepartment({ name: "D", parentId: 1 }),
      () => client.updateDepartment({ deptId: 2, name: "D" }),
      () => client.deleteDepartment(2),
    ];
    for (const write of writes) expect(await caught(write)).toMatchObject({ code: "dry_run" });
    expect(client.stats().requests).toBe(0);
    expect((await sb.calls(corp.corpId)).total).toBe(0);
  });

  it("refuses http, loopback and private base URLs unless local endpoints are allowed", () => {
    const creds = { corpId: "c", appKey: "k", appSecret: "s", allowLocalEndpoints: false };
    for (const baseUrl of [
      "http://127.0.0.1",
      "http://10.0.0.1",
      "https://127.0.0.1",
      "https://10.0.0.1",
      "https://192.168.1.5",
      "https://169.254.169.254",
      "https://localhost",
      "https://[::1]",
    ]) {
      expect(() => createDingTalkClient({ ...creds, baseUrl }), baseUrl).toThrow(DingTalkError);
    }
    expect(() => createDingTalkClient({ ...creds, v1BaseUrl: "http://10.0.0.1" })).toThrow(/not allowed/);
    expect(() => createDingTalkClient({ ...creds, baseUrl: "https://oapi.dingtalk.com" })).not.toThrow();
    expect(() =>
      createDingTalkClient({ ...creds, baseUrl: "http://127.0.0.1", allowLocalEndpoints: true }),
    ).not.toThrow();
  });

  it("takes allowLocalEndpoints from DINGTALK_ALLOW_LOCAL_ENDPOINTS", () => {
    const previous = process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS;
    try {
      process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS = "true";
      expect(() =>
        createDingTalkClient({ corpId: "c", appKey: "k", appSecret: "s", baseUrl: "http://10.0.0.1" }),
      ).not.toThrow();
      process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS = "false";
      expect(() =>
        createDingTalkClient({ corpId: "c", appKey: "k", appSecret: "s", baseUrl: "http://10.0.0.1" }),
      ).toThrow(DingTalkError);
    } finally {
      if (previous === undefined) delete process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS;
      else process.env.DINGTALK_ALLOW_LOCAL_ENDPOINTS = previous;
    }
  });

  it("does not follow redirects", async () => {
    const server = createServer((_req, res) => {
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" });
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    try {
      const client = createDingTalkClient({
        corpId: "c",
        appKey: "k",
        appSecret: "s",
        baseUrl: `http://127.0.0.1:${port}`,
        allowLocalEndpoints: true,
        retries: 0,
      });
      expect(await caught(() => client.getAccessToken())).toMatchObject({ code: "redirect", httpStatus: 302 });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
