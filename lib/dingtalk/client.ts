import type { z } from "zod";
import type { CallStatsSnapshot } from "./call-stats";
import { joinUrl, resolveConfig, type DingTalkClientConfig, type ResolvedConfig } from "./config";
import { DingTalkHttp, type CallSpec } from "./http-core";
import {
  ZAuthScopesSchema,
  ZContactUserSchema,
  ZUserAccessTokenSchema,
  type DingTalkAuthScopes,
  type DingTalkContactUser,
  type DingTalkUserAccessToken,
} from "./wire-auth";
import { resultOf, ZEmptyResultSchema } from "./wire-common";
import {
  departmentToWire,
  ZDepartmentListSchema,
  ZDepartmentSchema,
  ZDeptIdListSchema,
  ZDeptIdResultSchema,
  type DingTalkCreateDepartmentInput,
  type DingTalkDepartment,
  type DingTalkUpdateDepartmentInput,
} from "./wire-departments";
import {
  userToWire,
  ZCreateUserResultSchema,
  ZUserInfoByCodeSchema,
  ZUseridListSchema,
  ZUseridResultSchema,
  ZUserPageSchema,
  ZUserSchema,
  type DingTalkCreatedUser,
  type DingTalkCreateUserInput,
  type DingTalkUpdateUserInput,
  type DingTalkUser,
  type DingTalkUserInfoByCode,
  type DingTalkUserPage,
} from "./wire-users";

export type ListUsersParams = {
  deptId: number;
  cursor?: number;
  /** 1-100, default 100. */
  size?: number;
  orderField?: "entry_asc" | "entry_desc" | "modify_asc" | "modify_desc" | "custom";
  containAccessLimit?: boolean;
  language?: string;
};

/** The DingTalk Open API for one app of one corp. camelCase here, snake_case on the wire. */
export class DingTalkClient {
  private readonly http: DingTalkHttp;
  private readonly cfg: ResolvedConfig;

  constructor(config: DingTalkClientConfig) {
    this.cfg = resolveConfig(config);
    this.http = new DingTalkHttp(this.cfg);
  }

  get corpId(): string {
    return this.cfg.corpId;
  }

  get isDryRun(): boolean {
    return this.cfg.dryRun;
  }

  private fetch<T>(path: string, body: Record<string, unknown>, schema: z.ZodType<T>, isWrite = false): Promise<T> {
    const spec: CallSpec<T> = { api: "classic", method: "POST", path, body, schema, isWrite, auth: "app" };
    return this.http.call(spec);
  }

  /** The app's access token (cached, refreshed at ~80% of its life). Checks AppKey/AppSecret. */
  getAccessToken(): Promise<string> {
    return this.http.accessToken();
  }

  getAuthScopes(): Promise<DingTalkAuthScopes> {
    return this.http.call({
      api: "classic",
      method: "GET",
      path: "/auth/scopes",
      schema: ZAuthScopesSchema,
      auth: "app",
    });
  }

  createUser(input: DingTalkCreateUserInput): Promise<DingTalkCreatedUser> {
    return this.fetch("/topapi/v2/user/create", userToWire(input), resultOf(ZCreateUserResultSchema), true);
  }

  async updateUser(input: DingTalkUpdateUserInput): Promise<void> {
    await this.fetch("/topapi/v2/user/update", userToWire(input), ZEmptyResultSchema, true);
  }

  getUser(userid: string, language = "en_US"): Promise<DingTalkUser> {
    return this.fetch("/topapi/v2/user/get", { userid, language }, resultOf(ZUserSchema));
  }

  async deleteUser(userid: string): Promise<void> {
    await this.fetch("/topapi/v2/user/delete", { userid }, ZEmptyResultSchema, true);
  }

  /** The userid of the active user with this mobile; 60121 (not_found) if none. */
  getUseridByMobile(mobile: string): Promise<string> {
    return this.fetch("/topapi/v2/user/getbymobile", { mobile }, resultOf(ZUseridResultSchema));
  }

  getUseridByUnionid(unionid: string): Promise<string> {
    return this.fetch("/topapi/user/getbyunionid", { unionid }, resultOf(ZUseridResultSchema));
  }

  /** One page of a department's direct members. */
  listUsers(params: ListUsersParams): Promise<DingTalkUserPage> {
    const body = {
      dept_id: params.deptId,
      cursor: params.cursor ?? 0,
      size: params.size ?? 100,
      order_field: params.orderField,
      contain_access_limit: params.containAccessLimit,
      language: params.language,
    };
    return this.fetch("/topapi/v2/user/list", body, resultOf(ZUserPageSchema));
  }

  /** Every direct member of a department, following the cursor. */
  async listAllUsers(deptId: number, size = 100): Promise<DingTalkUser[]> {
    const users: DingTalkUser[] = [];
    let cursor: number | undefined = 0;
    while (cursor !== undefined) {
      const page: DingTalkUserPage = await this.listUsers({ deptId, cursor, size });
      users.push(...page.list);
      cursor = page.hasMore ? page.nextCursor : undefined;
    }
    return users;
  }

  listUserids(deptId: number): Promise<string[]> {
    return this.fetch("/topapi/user/listid", { dept_id: deptId }, resultOf(ZUseridListSchema));
  }

  /** In-app SSO: the user behind a JSAPI code. */
  getUserInfoByCode(code: string): Promise<DingTalkUserInfoByCode> {
    return this.fetch("/topapi/v2/user/getuserinfo", { code }, resultOf(ZUserInfoByCodeSchema));
  }

  createDepartment(input: DingTalkCreateDepartmentInput): Promise<number> {
    return this.fetch("/topapi/v2/department/create", departmentToWire(input), resultOf(ZDeptIdResultSchema), true);
  }

  async updateDepartment(input: DingTalkUpdateDepartmentInput): Promise<void> {
    await this.fetch("/topapi/v2/department/update", departmentToWire(input), ZEmptyResultSchema, true);
  }

  getDepartment(deptId: number, language = "en_US"): Promise<DingTalkDepartment> {
    return this.fetch("/topapi/v2/department/get", { dept_id: deptId, language }, resultOf(ZDepartmentSchema));
  }

  async deleteDepartment(deptId: number): Promise<void> {
    await this.fetch("/topapi/v2/department/delete", { dept_id: deptId }, ZEmptyResultSchema, true);
  }

  /** Direct sub-departments (one level down). */
  listSubDepartments(deptId: number, language = "en_US"): Promise<DingTalkDepartment[]> {
    return this.fetch("/topapi/v2/department/listsub", { dept_id: deptId, language }, resultOf(ZDepartmentListSchema));
  }

  listSubDepartmentIds(deptId: number): Promise<number[]> {
    return this.fetch("/topapi/v2/department/listsubid", { dept_id: deptId }, resultOf(ZDeptIdListSchema));
  }

  /** The QR login page to send a browser to. */
  buildLoginUrl(params: { redirectUri: string; state: string }): string {
    const url = joinUrl(this.cfg.loginBaseUrl, "/oauth2/auth");
    url.searchParams.set("redirect_uri", params.redirectUri);
    url.searchParams.set("response_type", "code");
    url.searchParams.set("client_id", this.cfg.appKey);
    url.searchParams.set("scope", "openid");
    url.searchParams.set("state", params.state);
    url.searchParams.set("prompt", "consent");
    return url.toString();
  }

  /** QR login: exchanges the authCode for a user access token. */
  getUserAccessToken(code: string): Promise<DingTalkUserAccessToken> {
    const body = { clientId: this.cfg.appKey, clientSecret: this.cfg.appSecret, code, grantType: "authorization_code" };
    return this.http.call({
      api: "v1",
      method: "POST",
      path: "/v1.0/oauth2/userAccessToken",
      body,
      schema: ZUserAccessTokenSchema,
      auth: "none",
    });
  }

  /** QR login: the signed-in user's profile. */
  getContactUserMe(userAccessToken: string): Promise<DingTalkContactUser> {
    return this.http.call({
      api: "v1",
      method: "GET",
      path: "/v1.0/contact/users/me",
      schema: ZContactUserSchema,
      auth: { userToken: userAccessToken },
    });
  }

  /** Calls by endpoint and outcome, for the sync engine and benchmarks. */
  stats(): CallStatsSnapshot {
    return this.http.stats.snapshot();
  }
}

export function createDingTalkClient(config: DingTalkClientConfig): DingTalkClient {
  return new DingTalkClient(config);
}
