// The DingTalk fields a mapping rule may write, and their labels in each language.
// Labels are chosen at render from the field key; only an administrator's own
// label for an added field is stored (and shown as typed).
import type { ExpressionLocale } from "@/lib/expression";

export type MappingLocale = ExpressionLocale;
type Label = Readonly<Record<MappingLocale, string>>;

/** DingTalk user fields a rule may write (topapi/v2/user/create), with their labels. */
export const DINGTALK_USER_FIELD_LABELS = {
  userid: { en: "UserID", "zh-CN": "用户 ID", ja: "ユーザー ID" },
  name: { en: "Name", "zh-CN": "姓名", ja: "氏名" },
  mobile: { en: "Mobile", "zh-CN": "手机号", ja: "携帯電話番号" },
  email: { en: "Email", "zh-CN": "邮箱", ja: "メールアドレス" },
  title: { en: "Title", "zh-CN": "职位", ja: "役職" },
  job_number: { en: "Job number", "zh-CN": "工号", ja: "社員番号" },
  work_place: { en: "Work place", "zh-CN": "办公地点", ja: "勤務地" },
  remark: { en: "Remark", "zh-CN": "备注", ja: "備考" },
  telephone: { en: "Telephone", "zh-CN": "分机号", ja: "内線番号" },
  org_email: { en: "Organization email", "zh-CN": "企业邮箱", ja: "組織のメールアドレス" },
  hired_date: { en: "Hire date", "zh-CN": "入职时间", ja: "入社日" },
  extension: { en: "Extension attributes", "zh-CN": "扩展属性", ja: "拡張属性" },
  login_email: { en: "Login email", "zh-CN": "登录邮箱", ja: "ログイン用メールアドレス" },
  manager_userid: { en: "Manager", "zh-CN": "直属主管", ja: "直属の上司" },
} as const satisfies Record<string, Label>;

/** DingTalk department fields a rule may write (topapi/v2/department/create), with their labels. */
export const DINGTALK_DEPT_FIELD_LABELS = {
  name: { en: "Name", "zh-CN": "部门名称", ja: "部署名" },
  order: { en: "Order", "zh-CN": "排序", ja: "表示順" },
  source_identifier: { en: "Source identifier", "zh-CN": "部门标识", ja: "部署の識別子" },
} as const satisfies Record<string, Label>;

/** Fields a sync writes that no rule maps (they appear in run diffs and failure lists). */
const PLACEMENT_FIELD_LABELS = {
  dept_id_list: { en: "Departments", "zh-CN": "所属部门", ja: "所属部署" },
  parent_id: { en: "Parent department", "zh-CN": "上级部门", ja: "親部署" },
} as const satisfies Record<string, Label>;

export type DingTalkUserField = keyof typeof DINGTALK_USER_FIELD_LABELS;
export type DingTalkDeptField = keyof typeof DINGTALK_DEPT_FIELD_LABELS;

export const DINGTALK_USER_FIELDS = Object.keys(DINGTALK_USER_FIELD_LABELS) as DingTalkUserField[];
export const DINGTALK_DEPT_FIELDS = Object.keys(DINGTALK_DEPT_FIELD_LABELS) as DingTalkDeptField[];

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * A DingTalk field's words in a language: the administrator's own label for an
 * added field when there is one, else the catalogue's, else the key itself
 * (a field DingTalk has that the catalogue does not name).
 */
export function dingTalkFieldLabel(
  objectType: "user" | "organization",
  field: string,
  locale: MappingLocale,
  customLabel?: string | null,
): string {
  if (customLabel?.trim()) return customLabel.trim();
  const table: Record<string, Label> = objectType === "user" ? DINGTALK_USER_FIELD_LABELS : DINGTALK_DEPT_FIELD_LABELS;
  if (hasOwn.call(table, field)) return table[field][locale];
  if (hasOwn.call(PLACEMENT_FIELD_LABELS, field))
    return PLACEMENT_FIELD_LABELS[field as keyof typeof PLACEMENT_FIELD_LABELS][locale];
  return field;
}
