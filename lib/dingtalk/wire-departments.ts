import { z } from "zod";
import { compact, dropNulls, type WireValue } from "./wire-common";

const ZDepartmentWire = z.looseObject({
  dept_id: z.number(),
  name: z.string(),
  parent_id: z.number().optional(),
  source_identifier: z.string().optional(),
  order: z.number().optional(),
  hide_dept: z.boolean().optional(),
  create_dept_group: z.boolean().optional(),
  auto_add_user: z.boolean().optional(),
  org_dept_owner: z.string().optional(),
  dept_manager_userid_list: z.array(z.string()).optional(),
  outer_dept: z.boolean().optional(),
});

export const ZDepartmentSchema = z.preprocess(
  dropNulls,
  ZDepartmentWire.transform((d) => ({
    deptId: d.dept_id,
    name: d.name,
    /** Absent only for the root department. */
    parentId: d.parent_id,
    sourceIdentifier: d.source_identifier,
    order: d.order,
    hideDept: d.hide_dept,
    createDeptGroup: d.create_dept_group,
    autoAddUser: d.auto_add_user,
    orgDeptOwner: d.org_dept_owner,
    deptManagerUseridList: d.dept_manager_userid_list,
    outerDept: d.outer_dept,
    raw: d as Record<string, unknown>,
  })),
);
export type DingTalkDepartment = z.output<typeof ZDepartmentSchema>;

export const ZDepartmentListSchema = z.array(ZDepartmentSchema);
export const ZDeptIdResultSchema = z.object({ dept_id: z.number() }).transform((r) => r.dept_id);
export const ZDeptIdListSchema = z
  .object({ dept_id_list: z.array(z.number()).default([]) })
  .transform((r) => r.dept_id_list);

export type DingTalkDepartmentFields = {
  name?: string;
  parentId?: number;
  order?: number;
  sourceIdentifier?: string;
  hideDept?: boolean;
  deptPermits?: number[];
  userPermits?: string[];
  outerDept?: boolean;
  createDeptGroup?: boolean;
  /** Other DingTalk fields by their wire (snake_case) name. */
  extra?: Record<string, WireValue>;
};

export type DingTalkCreateDepartmentInput = DingTalkDepartmentFields & { name: string; parentId: number };
export type DingTalkUpdateDepartmentInput = DingTalkDepartmentFields & { deptId: number };

export function departmentToWire(input: DingTalkDepartmentFields & { deptId?: number }): Record<string, unknown> {
  const { extra, ...f } = input;
  return compact({
    ...extra,
    dept_id: f.deptId,
    name: f.name,
    parent_id: f.parentId,
    order: f.order,
    source_identifier: f.sourceIdentifier,
    hide_dept: f.hideDept,
    dept_permits: f.deptPermits?.join(","),
    user_permits: f.userPermits?.join(","),
    outer_dept: f.outerDept,
    create_dept_group: f.createDeptGroup,
  });
}
