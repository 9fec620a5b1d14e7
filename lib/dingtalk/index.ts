export { createDingTalkClient, DingTalkClient, type ListUsersParams } from "./client";
export { DINGTALK_DEFAULTS, type CallGateRequest, type DingTalkCallEvent, type DingTalkClientConfig } from "./config";
export type { CallGate } from "./limiter";
export { DINGTALK_ERROR_KINDS, ENDPOINT_PERMISSIONS, ERRCODE_TABLE } from "./error-codes";
export {
  describeDingTalkError,
  DingTalkError,
  dingTalkErrorDetail,
  isDingTalkError,
  type DingTalkErrorCode,
  type DingTalkErrorDetail,
  type DingTalkErrorKind,
} from "./errors";
export type { CallStatsSnapshot } from "./call-stats";
export { probePermissions, type PermissionProbe, type PermissionReport } from "./probe-permissions";
export type { DingTalkAuthScopes, DingTalkContactUser, DingTalkUserAccessToken } from "./wire-auth";
export type {
  DingTalkCreateDepartmentInput,
  DingTalkDepartment,
  DingTalkDepartmentFields,
  DingTalkUpdateDepartmentInput,
} from "./wire-departments";
export type {
  DingTalkCreatedUser,
  DingTalkCreateUserInput,
  DingTalkUpdateUserInput,
  DingTalkUser,
  DingTalkUserFields,
  DingTalkUserInfoByCode,
  DingTalkUserPage,
} from "./wire-users";
