// Wizard step 2: ask DingTalk which address-book permissions the app really has. Each probe
// is a call that changes nothing: a permission is granted unless DingTalk answers 88/60011.
import type { DingTalkClient } from "./client";
import { DingTalkError } from "./errors";

/** A userid nobody has: "not found" (60121) proves the permission without touching data. */
const PROBE_USERID = "__dingtalk_console_permission_probe__";
const PROBE_MOBILE = "13800000000";

export type PermissionProbe = {
  permission: string;
  /** null: not probed (a dry-run client cannot probe writes). */
  granted: boolean | null;
};

export type PermissionReport = {
  /** The app's address-book scope covers all employees (authed_dept contains 1). */
  allEmployees: boolean;
  authedDept: number[];
  permissions: PermissionProbe[];
  missing: string[];
};

async function probe(permission: string, run: () => Promise<unknown>): Promise<PermissionProbe> {
  try {
    await run();
    return { permission, granted: true };
  } catch (err) {
    if (!(err instanceof DingTalkError)) throw err;
    if (err.effectiveCode === 60011) return { permission, granted: false };
    if (err.effectiveCode === 60121) return { permission, granted: true };
    throw err; // auth, network, scope: the caller shows that error instead
  }
}

export async function probePermissions(client: DingTalkClient): Promise<PermissionReport> {
  const scopes = await client.getAuthScopes();
  const root = scopes.authedDept.includes(1) || scopes.authedDept.length === 0 ? 1 : scopes.authedDept[0];
  const permissions = [
    await probe("qyapi_get_department_list", () => client.getDepartment(root)),
    await probe("qyapi_get_department_member", () => client.listUserids(root)),
    await probe("qyapi_get_member", () => client.getUser(PROBE_USERID)),
    await probe("qyapi_get_member_by_mobile", () => client.getUseridByMobile(PROBE_MOBILE)),
    client.isDryRun
      ? { permission: "qyapi_manage_addresslist", granted: null }
      : await probe("qyapi_manage_addresslist", () => client.updateUser({ userid: PROBE_USERID })),
  ];
  return {
    allEmployees: scopes.authedDept.includes(1),
    authedDept: scopes.authedDept,
    permissions,
    missing: permissions.filter((p) => p.granted === false).map((p) => p.permission),
  };
}
