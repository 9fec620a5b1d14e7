// The sandbox's persisted state: DingTalk field names (snake_case) so /_sandbox/state can
// hand it out as is.

export type SandboxDepartment = {
  dept_id: number;
  name: string;
  /** 0 for the root department (DingTalk omits parent_id there). */
  parent_id: number;
  order: number;
  source_identifier?: string;
  hide_dept?: boolean;
  create_dept_group?: boolean;
  outer_dept?: boolean;
  dept_manager_userid_list?: string[];
  org_dept_owner?: string;
};

export type SandboxUser = {
  userid: string;
  unionid: string;
  openid: string;
  name: string;
  mobile?: string;
  hide_mobile?: boolean;
  telephone?: string;
  job_number?: string;
  title?: string;
  email?: string;
  org_email?: string;
  org_email_type?: string;
  work_place?: string;
  remark?: string;
  dept_id_list: number[];
  dept_order_list?: { dept_id: number; order: number }[];
  dept_title_list?: { dept_id: number; title: string }[];
  extension?: string;
  senior_mode?: boolean;
  hired_date?: number;
  manager_userid?: string;
  login_email?: string;
  active: boolean;
  admin: boolean;
  boss: boolean;
  /** Entry order, for list paging. */
  seq: number;
  modified_at: number;
};

export type SandboxApp = {
  appKey: string;
  appSecret: string;
  scopes: string[];
  authedDept: number[];
  /** When set, only these caller IPs may call (else 60020). */
  allowedIps?: string[];
};

export type SandboxCorp = {
  corpId: string;
  apps: Record<string, SandboxApp>;
  departments: Record<string, SandboxDepartment>;
  users: Record<string, SandboxUser>;
  nextDeptId: number;
  nextSeq: number;
};

export type SandboxToken = { corpId: string; appKey: string; expiresAt: number };
export type SandboxUserToken = { corpId: string; userid: string; expiresAt: number };
export type SandboxCode = { corpId: string; userid: string; appKey?: string; kind: "qr" | "sso"; expiresAt: number };

export type SandboxState = {
  version: 1;
  corps: Record<string, SandboxCorp>;
  tokens: Record<string, SandboxToken>;
  userTokens: Record<string, SandboxUserToken>;
  codes: Record<string, SandboxCode>;
};

export const ALL_SCOPES = [
  "qyapi_get_member",
  "qyapi_get_member_by_mobile",
  "qyapi_get_department_list",
  "qyapi_get_department_member",
  "qyapi_manage_addresslist",
] as const;

export const READ_SCOPES = ALL_SCOPES.filter((s) => s !== "qyapi_manage_addresslist");

/** An answer the sandbox gives with a DingTalk errcode (and sub_code for 88). */
export class ApiFailure extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly subCode?: number,
  ) {
    super(errmsg);
  }
}
