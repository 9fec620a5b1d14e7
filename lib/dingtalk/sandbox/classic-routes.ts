// The classic ("topapi") endpoints and the permission each one needs.
import type { SandboxContext } from "./context";
import * as depts from "./rules-departments";
import * as users from "./rules-users";
import { ApiFailure, type SandboxApp, type SandboxCorp, type SandboxUser } from "./types";
import { int, optionalInt, string } from "./validate";

export type ClassicCall = { ctx: SandboxContext; corp: SandboxCorp; app: SandboxApp; body: Record<string, unknown> };
export type ClassicRoute = { scope?: string; write?: boolean; handle: (call: ClassicCall) => Record<string, unknown> };

const MANAGE = "qyapi_manage_addresslist";
const MEMBER = "qyapi_get_member";
const DEPT_MEMBER = "qyapi_get_department_member";
const DEPT_LIST = "qyapi_get_department_list";

const USER_FIELDS = [
  "userid",
  "name",
  "mobile",
  "email",
  "title",
  "job_number",
  "work_place",
  "dept_id_list",
  "telephone",
  "remark",
  "hired_date",
];

function scopedDept({ ctx, corp, app, body }: ClassicCall, key = "dept_id"): number {
  const id = int(body, key);
  depts.getDept(corp, id);
  ctx.assertDeptsInScope(corp, app, [id]);
  return id;
}

function scopedUser({ ctx, corp, app }: ClassicCall, user: SandboxUser): SandboxUser {
  if (!ctx.userInScope(corp, app, user)) throw new ApiFailure(50004, "the user is outside the app's authorised scope");
  return user;
}

function pageOf(call: ClassicCall): Record<string, unknown> {
  const deptId = scopedDept(call);
  const size = optionalInt(call.body, "size");
  const cursor = optionalInt(call.body, "cursor") ?? 0;
  if (size === undefined || size < 1 || size > 100) throw new ApiFailure(40035, "invalid parameter size: 1-100");
  if (cursor < 0) throw new ApiFailure(40035, "invalid parameter cursor");
  const order = typeof call.body.order_field === "string" ? call.body.order_field : "entry_asc";
  const members = Object.values(call.corp.users)
    .filter((u) => u.dept_id_list.includes(deptId))
    .sort((a, b) => (order.startsWith("modify") ? a.modified_at - b.modified_at || a.seq - b.seq : a.seq - b.seq));
  if (order.endsWith("_desc")) members.reverse();
  const list = members.slice(cursor, cursor + size);
  const hasMore = cursor + size < members.length;
  return {
    result: { has_more: hasMore, ...(hasMore ? { next_cursor: cursor + size } : {}), list: list.map(users.userToWire) },
  };
}

export const CLASSIC_ROUTES: Readonly<Record<string, ClassicRoute>> = {
  "/auth/scopes": {
    handle: ({ app }) => ({
      auth_org_scopes: { authed_dept: app.authedDept, authed_user: [] },
      auth_user_field: USER_FIELDS,
      condition_field: [],
    }),
  },
  "/topapi/v2/user/create": {
    scope: MANAGE,
    write: true,
    handle: ({ ctx, corp, app, body }) => {
      const user = users.createUser(corp, body, (ids) => ctx.assertDeptsInScope(corp, app, ids));
      return { result: { userid: user.userid, unionId: user.unionid } };
    },
  },
  "/topapi/v2/user/update": {
    scope: MANAGE,
    write: true,
    handle: (call) => {
      scopedUser(call, users.getUser(call.corp, call.body.userid));
      users.updateUser(call.corp, call.body, (ids) => call.ctx.assertDeptsInScope(call.corp, call.app, ids));
      return {};
    },
  },
  "/topapi/v2/user/get": {
    scope: MEMBER,
    handle: (call) => ({ result: users.userToWire(scopedUser(call, users.getUser(call.corp, call.body.userid))) }),
  },
  "/topapi/v2/user/delete": {
    scope: MANAGE,
    write: true,
    handle: (call) => {
      const user = scopedUser(call, users.getUser(call.corp, call.body.userid));
      users.deleteUser(call.corp, user);
      return {};
    },
  },
  "/topapi/v2/user/getbymobile": {
    scope: "qyapi_get_member_by_mobile",
    handle: (call) => ({
      result: { userid: scopedUser(call, users.findByMobile(call.corp, call.body.mobile)).userid },
    }),
  },
  "/topapi/user/getbyunionid": {
    scope: MEMBER,
    handle: (call) => {
      const unionid = string(call.body, "unionid", 100);
      const user = Object.values(call.corp.users).find((u) => u.unionid === unionid);
      if (!user) throw new ApiFailure(60121, "user not found");
      return { result: { contact_type: 0, userid: scopedUser(call, user).userid } };
    },
  },
  "/topapi/v2/user/list": { scope: DEPT_MEMBER, handle: pageOf },
  "/topapi/user/listid": {
    scope: DEPT_MEMBER,
    handle: (call) => {
      const deptId = scopedDept(call);
      const ids = Object.values(call.corp.users)
        .filter((u) => u.dept_id_list.includes(deptId))
        .sort((a, b) => a.seq - b.seq)
        .map((u) => u.userid);
      return { result: { userid_list: ids } };
    },
  },
  "/topapi/v2/user/getuserinfo": {
    handle: ({ ctx, corp, body }) => {
      const code = ctx.consumeCode(string(body, "code", 200), "sso");
      const user = code && code.corpId === corp.corpId ? corp.users[code.userid] : undefined;
      if (!user) throw new ApiFailure(40078, "the code does not exist, has expired or was used");
      const result = { userid: user.userid, name: user.name, unionid: user.unionid, associated_unionid: "" };
      return { result: { ...result, device_id: "sandbox-device", sys: user.admin, sys_level: user.admin ? 1 : 0 } };
    },
  },
  "/topapi/v2/department/create": {
    scope: MANAGE,
    write: true,
    handle: (call) => {
      call.ctx.assertDeptsInScope(call.corp, call.app, [int(call.body, "parent_id")]); // a missing parent answers 60004 below
      const limits = { maxSubDepartments: call.ctx.runtime(call.corp.corpId).faults.maxSubDepartments };
      return { result: { dept_id: depts.createDepartment(call.corp, call.body, limits) } };
    },
  },
  "/topapi/v2/department/update": {
    scope: MANAGE,
    write: true,
    handle: (call) => {
      scopedDept(call);
      if (call.body.parent_id !== undefined && call.corp.departments[String(call.body.parent_id)])
        scopedDept(call, "parent_id");
      depts.updateDepartment(call.corp, call.body, {
        maxSubDepartments: call.ctx.runtime(call.corp.corpId).faults.maxSubDepartments,
      });
      return {};
    },
  },
  "/topapi/v2/department/get": {
    scope: DEPT_LIST,
    handle: (call) => ({ result: depts.departmentToWire(depts.getDept(call.corp, scopedDept(call))) }),
  },
  "/topapi/v2/department/delete": {
    scope: MANAGE,
    write: true,
    handle: (call) => {
      depts.deleteDepartment(call.corp, scopedDept(call));
      return {};
    },
  },
  "/topapi/v2/department/listsub": {
    scope: DEPT_LIST,
    handle: (call) => ({ result: depts.children(call.corp, scopedDept(call)).map(depts.departmentToWire) }),
  },
  "/topapi/v2/department/listsubid": {
    scope: DEPT_LIST,
    handle: (call) => ({ result: { dept_id_list: depts.children(call.corp, scopedDept(call)).map((d) => d.dept_id) } }),
  },
};
