// One table from DingTalk errcode to what the client does with it. Handle codes by
// number, never by message (DINGTALK.md).
export const DINGTALK_ERROR_KINDS = [
  "auth",
  "permission",
  "throttled",
  "quota",
  "not_found",
  "conflict",
  "invalid",
  "transient",
  "network",
] as const;

export type DingTalkErrorKind = (typeof DINGTALK_ERROR_KINDS)[number];

export type ErrcodeInfo = {
  kind: DingTalkErrorKind;
  retryable: boolean;
  title: string;
  fix: string;
};

const info = (kind: DingTalkErrorKind, title: string, fix: string, retryable = false): ErrcodeInfo => ({
  kind,
  retryable,
  title,
  fix,
});

const THROTTLED_FIX =
  "The client backs off and retries; if it keeps happening, lower the app's call rate or sync less often.";

export const ERRCODE_TABLE: Readonly<Record<number, ErrcodeInfo>> = {
  [-1]: info(
    "transient",
    "DingTalk is busy.",
    "The call is retried with backoff; try again later if it persists.",
    true,
  ),
  40014: info(
    "auth",
    "The access token is invalid.",
    "The client fetched a new token and failed again; check the AppKey and AppSecret.",
  ),
  42001: info(
    "auth",
    "The access token has expired.",
    "The client fetched a new token and failed again; check the AppKey and AppSecret.",
  ),
  40089: info(
    "auth",
    "The AppKey or AppSecret is invalid.",
    "Copy the AppKey and AppSecret again from the DingTalk developer console (Application > Credentials).",
  ),
  40078: info(
    "invalid",
    "The login code is invalid, expired or already used.",
    "Start the DingTalk login again; codes are single use and expire after 5 minutes.",
  ),
  40035: info(
    "invalid",
    "DingTalk rejected a parameter.",
    "Check the mapped field values against DingTalk's field rules.",
  ),
  50004: info(
    "permission",
    "The department is outside the app's authorised scope.",
    "In the DingTalk developer console, set the app's address book scope to All Employees (or include this department).",
  ),
  60001: info("invalid", "The department name is invalid.", "Use 1-64 characters without '-' or ','."),
  60002: info(
    "invalid",
    "The department tree would be deeper than 20 levels.",
    "Flatten the organization tree or sync a smaller scope.",
  ),
  60003: info(
    "not_found",
    "The department does not exist in DingTalk.",
    "Check the target department ID, or run a full sync to re-create it.",
  ),
  60004: info(
    "not_found",
    "The parent department does not exist in DingTalk.",
    "Sync the parent first, or check the target node department ID.",
  ),
  60005: info(
    "conflict",
    "The department still has members.",
    "Move or delete its users before deleting the department.",
  ),
  60006: info("conflict", "The department still has sub-departments.", "Delete sub-departments first (bottom-up)."),
  60007: info("invalid", "The root department cannot be deleted or moved.", "Leave department 1 in place."),
  60008: info(
    "conflict",
    "A department with this name already exists under the same parent.",
    "Match the existing department, or rename one of them.",
  ),
  60011: info(
    "permission",
    "The app lacks a DingTalk permission for this API.",
    "Grant the permission in the DingTalk developer console (Permissions), then retry.",
  ),
  60020: info(
    "permission",
    "The caller's IP address is not in the app's allowed IP list.",
    "Add this server's egress IP to the app's IP allow list in the DingTalk developer console.",
  ),
  60102: info(
    "conflict",
    "A user with this userid already exists.",
    "Read the existing user and update it instead (idempotent create).",
  ),
  60103: info(
    "invalid",
    "The mobile number is invalid.",
    "Use an 11-digit mainland number or '+<country code>-<number>'.",
  ),
  60104: info(
    "conflict",
    "The mobile number is already used by another user in this corp.",
    "Look the user up by mobile and bind to it, or correct the mobile number.",
  ),
  60105: info("invalid", "The email address is invalid.", "Correct the mapped email (at most 50 characters)."),
  60106: info(
    "conflict",
    "The email address is already used by another user in this corp.",
    "Bind the existing user or correct the email.",
  ),
  60110: info(
    "invalid",
    "Too many departments.",
    "A department can have at most 1,000 sub-departments; reduce the synced scope.",
  ),
  60121: info(
    "not_found",
    "The user does not exist in DingTalk.",
    "Treat it as gone; it is re-created by the next full sync.",
  ),
  90002: info("throttled", "DingTalk throttled calls globally.", THROTTLED_FIX, true),
  90005: info("throttled", "DingTalk throttled calls for this corp (per minute).", THROTTLED_FIX, true),
  90006: info("throttled", "DingTalk throttled calls for this app (per minute).", THROTTLED_FIX, true),
  90018: info("throttled", "DingTalk throttled calls for this app (per second).", THROTTLED_FIX, true),
  90019: info("throttled", "DingTalk throttled calls for this app.", THROTTLED_FIX, true),
  90020: info(
    "quota",
    "The app's monthly DingTalk call quota is used up.",
    "Stop syncing until next month, or upgrade the DingTalk edition for a larger quota.",
  ),
};

export function errcodeInfo(errcode: number): ErrcodeInfo {
  return (
    ERRCODE_TABLE[errcode] ??
    info("invalid", `DingTalk answered error ${errcode}.`, "See DingTalk's error code reference for this code.")
  );
}

/** The DingTalk permission each API needs, named in 60011 messages. */
export const ENDPOINT_PERMISSIONS: Readonly<Record<string, string>> = {
  "/topapi/v2/user/create": "qyapi_manage_addresslist",
  "/topapi/v2/user/update": "qyapi_manage_addresslist",
  "/topapi/v2/user/delete": "qyapi_manage_addresslist",
  "/topapi/v2/user/get": "qyapi_get_member",
  "/topapi/user/getbyunionid": "qyapi_get_member",
  "/topapi/v2/user/getbymobile": "qyapi_get_member_by_mobile",
  "/topapi/v2/user/list": "qyapi_get_department_member",
  "/topapi/user/listid": "qyapi_get_department_member",
  "/topapi/v2/department/create": "qyapi_manage_addresslist",
  "/topapi/v2/department/update": "qyapi_manage_addresslist",
  "/topapi/v2/department/delete": "qyapi_manage_addresslist",
  "/topapi/v2/department/get": "qyapi_get_department_list",
  "/topapi/v2/department/listsub": "qyapi_get_department_list",
  "/topapi/v2/department/listsubid": "qyapi_get_department_list",
};
