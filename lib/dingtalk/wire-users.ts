import { z } from "zod";
import { compact, dropNulls, type WireValue } from "./wire-common";

const ZUserWire = z.looseObject({
  userid: z.string(),
  unionid: z.string().optional(),
  name: z.string(),
  avatar: z.string().optional(),
  state_code: z.string().optional(),
  manager_userid: z.string().optional(),
  mobile: z.string().optional(),
  hide_mobile: z.boolean().optional(),
  telephone: z.string().optional(),
  job_number: z.string().optional(),
  title: z.string().optional(),
  email: z.string().optional(),
  org_email: z.string().optional(),
  work_place: z.string().optional(),
  remark: z.string().optional(),
  dept_id_list: z.array(z.number()).default([]),
  dept_order_list: z.array(z.object({ dept_id: z.number(), order: z.number() })).optional(),
  extension: z.string().optional(),
  hired_date: z.number().optional(),
  active: z.boolean().optional(),
  admin: z.boolean().optional(),
  boss: z.boolean().optional(),
  leader_in_dept: z.array(z.object({ dept_id: z.number(), leader: z.boolean() })).optional(),
  role_list: z.array(z.looseObject({ id: z.number(), name: z.string(), group_name: z.string().optional() })).optional(),
});

export const ZUserSchema = z.preprocess(
  dropNulls,
  ZUserWire.transform((u) => ({
    userid: u.userid,
    unionid: u.unionid,
    name: u.name,
    avatar: u.avatar,
    stateCode: u.state_code,
    managerUserid: u.manager_userid,
    mobile: u.mobile,
    hideMobile: u.hide_mobile,
    telephone: u.telephone,
    jobNumber: u.job_number,
    title: u.title,
    email: u.email,
    orgEmail: u.org_email,
    workPlace: u.work_place,
    remark: u.remark,
    deptIdList: u.dept_id_list,
    deptOrderList: u.dept_order_list?.map((d) => ({ deptId: d.dept_id, order: d.order })),
    extension: u.extension,
    hiredDate: u.hired_date,
    active: u.active,
    admin: u.admin,
    boss: u.boss,
    leaderInDept: u.leader_in_dept?.map((d) => ({ deptId: d.dept_id, leader: d.leader })),
    roleList: u.role_list?.map((r) => ({ id: r.id, name: r.name, groupName: r.group_name })),
    /** The answer as DingTalk sent it (snake_case), for mapped fields the type does not name. */
    raw: u as Record<string, unknown>,
  })),
);
export type DingTalkUser = z.output<typeof ZUserSchema>;

export const ZCreateUserResultSchema = z
  .object({ userid: z.string(), unionId: z.string().optional(), unionid: z.string().optional() })
  .transform((r) => ({ userid: r.userid, unionId: r.unionId ?? r.unionid }));
export type DingTalkCreatedUser = z.output<typeof ZCreateUserResultSchema>;

export const ZUserPageSchema = z
  .object({ has_more: z.boolean(), next_cursor: z.number().nullish(), list: z.array(ZUserSchema).default([]) })
  .transform((p) => ({ hasMore: p.has_more, nextCursor: p.next_cursor ?? undefined, list: p.list }));
export type DingTalkUserPage = z.output<typeof ZUserPageSchema>;

export const ZUseridResultSchema = z.object({ userid: z.string() }).transform((r) => r.userid);
export const ZUseridListSchema = z
  .object({ userid_list: z.array(z.string()).default([]) })
  .transform((r) => r.userid_list);

export const ZUserInfoByCodeSchema = z
  .looseObject({
    userid: z.string(),
    unionid: z.string().optional(),
    associated_unionid: z.string().optional(),
    name: z.string().optional(),
    device_id: z.string().optional(),
    sys: z.boolean().optional(),
    sys_level: z.number().optional(),
  })
  .transform((r) => ({
    userid: r.userid,
    unionid: r.unionid,
    associatedUnionid: r.associated_unionid,
    name: r.name,
    deviceId: r.device_id,
    isAdmin: r.sys,
    sysLevel: r.sys_level,
  }));
export type DingTalkUserInfoByCode = z.output<typeof ZUserInfoByCodeSchema>;

export type DingTalkUserFields = {
  name?: string;
  mobile?: string;
  hideMobile?: boolean;
  telephone?: string;
  jobNumber?: string;
  title?: string;
  email?: string;
  orgEmail?: string;
  orgEmailType?: string;
  workPlace?: string;
  remark?: string;
  deptIdList?: number[];
  deptOrderList?: { deptId: number; order: number }[];
  deptTitleList?: { deptId: number; title: string }[];
  /** DingTalk wants a JSON string; an object is serialised for you. */
  extension?: string | Record<string, string>;
  seniorMode?: boolean;
  hiredDate?: number;
  managerUserid?: string;
  loginEmail?: string;
  /** Other DingTalk fields by their wire (snake_case) name, e.g. mapped custom fields. */
  extra?: Record<string, WireValue>;
};

export type DingTalkCreateUserInput = DingTalkUserFields & { userid: string; name: string; deptIdList: number[] };
export type DingTalkUpdateUserInput = DingTalkUserFields & { userid: string };

export function userToWire(input: DingTalkUpdateUserInput): Record<string, unknown> {
  const { extra, ...f } = input;
  return compact({
    ...extra,
    userid: f.userid,
    name: f.name,
    mobile: f.mobile,
    hide_mobile: f.hideMobile,
    telephone: f.telephone,
    job_number: f.jobNumber,
    title: f.title,
    email: f.email,
    org_email: f.orgEmail,
    org_email_type: f.orgEmailType,
    work_place: f.workPlace,
    remark: f.remark,
    dept_id_list: f.deptIdList?.join(","),
    dept_order_list: f.deptOrderList?.map((d) => ({ dept_id: d.deptId, order: d.order })),
    dept_title_list: f.deptTitleList?.map((d) => ({ dept_id: d.deptId, title: d.title })),
    extension: typeof f.extension === "object" ? JSON.stringify(f.extension) : f.extension,
    senior_mode: f.seniorMode,
    hired_date: f.hiredDate,
    manager_userid: f.managerUserid,
    login_email: f.loginEmail,
  });
}
