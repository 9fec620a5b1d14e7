import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probePermissions } from "./probe-permissions";
import { TestSandbox } from "./sandbox/testing";
import { ALL_SCOPES, READ_SCOPES } from "./sandbox/types";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

describe("probePermissions", () => {
  it("finds every permission of a fully authorised app without changing data", async () => {
    const corp = await sb.corp();
    const report = await probePermissions(sb.client(corp));
    expect(report).toMatchObject({ allEmployees: true, missing: [] });
    expect(report.permissions.every((p) => p.granted)).toBe(true);
    const state = await sb.admin<{ users: unknown[]; departments: unknown[] }>(
      "GET",
      `/_sandbox/state?corpId=${corp.corpId}`,
    );
    expect(state.users).toEqual([]);
  });

  it("names missing permissions", async () => {
    const readonly = await sb.corp({ scopes: [...READ_SCOPES] });
    expect((await probePermissions(sb.client(readonly))).missing).toEqual(["qyapi_manage_addresslist"]);
    const noMobile = await sb.corp({ scopes: ALL_SCOPES.filter((s) => s !== "qyapi_get_member_by_mobile") });
    expect((await probePermissions(sb.client(noMobile))).missing).toEqual(["qyapi_get_member_by_mobile"]);
  });

  it("reports a partial address-book scope and skips the write probe in dry run", async () => {
    const corp = await sb.corp();
    const dept = await sb.client(corp).createDepartment({ name: "Only", parentId: 1 });
    const app = { appKey: `${corp.appKey}scoped`, appSecret: "scopedsecret" };
    await sb.admin("POST", "/_sandbox/apps", { corpId: corp.corpId, ...app, authedDept: [dept] });
    const report = await probePermissions(sb.client({ corpId: corp.corpId, ...app }, { dryRun: true }));
    expect(report).toMatchObject({ allEmployees: false, authedDept: [dept], missing: [] });
    expect(report.permissions.at(-1)).toEqual({ permission: "qyapi_manage_addresslist", granted: null });
  });
});
