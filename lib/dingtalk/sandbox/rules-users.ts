// DingTalk's user rules: unique userid, mobile and email per corp; field lengths;
// dept_id_list as a comma-separated string of existing departments.
import { openIdFor, randomToken, unionIdFor } from "./ids";
import { getDept } from "./rules-departments";
import { ApiFailure, type SandboxCorp, type SandboxUser } from "./types";
import { indexUser, normalizeMobile, unindexUser, userByEmail, userByMobile } from "./user-index";
import { bool, optionalInt, optionalString, string } from "./validate";

export { normalizeMobile };

function checkMobile(corp: SandboxCorp, mobile: string, self?: string): void {
  const local = normalizeMobile(mobile);
  const ok =
    mobile.startsWith("+") && !mobile.startsWith("+86-")
      ? /^\+\d{1,4}-\d{5,15}$/.test(mobile)
      : /^1\d{10}$/.test(local);
  if (!ok) throw new ApiFailure(60103, "invalid mobile number");
  const owner = userByMobile(corp, local);
  if (owner && owner.userid !== self) throw new ApiFailure(60104, "mobile number already exists in the corp");
}

function checkEmail(corp: SandboxCorp, email: string, self?: string): void {
  if (email.length > 50 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new ApiFailure(60105, "invalid email");
  const lower = email.toLowerCase();
  const owner = userByEmail(corp, lower);
  if (owner && owner.userid !== self) throw new ApiFailure(60106, "email already exists in the corp");
}

function parseDeptIds(corp: SandboxCorp, raw: unknown): number[] {
  const text = typeof raw === "number" ? String(raw) : raw;
  if (typeof text !== "string" || text.trim() === "")
    throw new ApiFailure(40035, "invalid parameter dept_id_list: missing");
  const ids = text.split(",").map((s) => Number(s.trim()));
  if (ids.some((n) => !Number.isInteger(n))) throw new ApiFailure(40035, "invalid parameter dept_id_list");
  if (ids.length > 100) throw new ApiFailure(40035, "invalid parameter dept_id_list: more than 100 departments");
  for (const id of ids) getDept(corp, id);
  return [...new Set(ids)];
}

const STRING_FIELDS = [
  ["telephone", 50],
  ["job_number", 50],
  ["title", 200],
  ["org_email", 100],
  ["org_email_type", 50],
  ["work_place", 100],
  ["remark", 2000],
  ["extension", 2000],
  ["manager_userid", 64],
  ["login_email", 100],
] as const;

/** Validates and applies the fields present in body; checkDepts enforces the app's scope. */
function applyFields(
  corp: SandboxCorp,
  user: SandboxUser,
  body: Record<string, unknown>,
  checkDepts: (ids: number[]) => void,
): void {
  if (body.name !== undefined) user.name = string(body, "name", 80);
  if (body.mobile !== undefined) {
    const mobile = optionalString(body, "mobile", 30) ?? "";
    if (mobile === "") delete user.mobile;
    else checkMobile(corp, mobile, user.userid);
    if (mobile) user.mobile = mobile;
  }
  if (body.email !== undefined) {
    const email = optionalString(body, "email", 1000) ?? "";
    if (email === "") delete user.email;
    else checkEmail(corp, email, user.userid);
    if (email) user.email = email;
  }
  for (const [key, max] of STRING_FIELDS) {
    const value = optionalString(body, key, max);
    if (value !== undefined) user[key] = value;
  }
  if (user.extension) {
    try {
      JSON.parse(user.extension);
    } catch {
      throw new ApiFailure(40035, "invalid parameter extension: not JSON");
    }
  }
  for (const key of ["hide_mobile", "senior_mode"] as const) if (body[key] !== undefined) user[key] = bool(body, key);
  const hired = optionalInt(body, "hired_date");
  if (hired !== undefined) user.hired_date = hired;
  if (body.dept_id_list !== undefined) {
    user.dept_id_list = parseDeptIds(corp, body.dept_id_list);
    checkDepts(user.dept_id_list);
  }
  if (Array.isArray(body.dept_order_list))
    user.dept_order_list = body.dept_order_list as SandboxUser["dept_order_list"];
  if (Array.isArray(body.dept_title_list))
    user.dept_title_list = body.dept_title_list as SandboxUser["dept_title_list"];
  user.modified_at = Date.now();
}

export function createUser(
  corp: SandboxCorp,
  body: Record<string, unknown>,
  checkDepts: (ids: number[]) => void,
): SandboxUser {
  const userid = optionalString(body, "userid", 64) || `user${randomToken(6)}`;
  if (corp.users[userid]) throw new ApiFailure(60102, "userid already exists in the corp");
  string(body, "name", 80);
  if (body.dept_id_list === undefined) throw new ApiFailure(40035, "invalid parameter dept_id_list: missing");
  const user: SandboxUser = {
    userid,
    unionid: unionIdFor(corp.corpId, userid),
    openid: openIdFor(corp.corpId, userid),
    name: "",
    dept_id_list: [],
    active: true,
    admin: false,
    boss: false,
    seq: 0,
    modified_at: 0,
  };
  applyFields(corp, user, body, checkDepts);
  user.seq = corp.nextSeq++;
  corp.users[userid] = user;
  indexUser(corp, user);
  return user;
}

export function getUser(corp: SandboxCorp, userid: unknown): SandboxUser {
  const user = typeof userid === "string" ? corp.users[userid] : undefined;
  if (!user) throw new ApiFailure(60121, "user not found");
  return user;
}

export function updateUser(
  corp: SandboxCorp,
  body: Record<string, unknown>,
  checkDepts: (ids: number[]) => void,
): void {
  const current = getUser(corp, body.userid);
  const draft: SandboxUser = structuredClone(current);
  applyFields(corp, draft, body, checkDepts); // all-or-nothing: only a valid draft replaces the user
  unindexUser(corp, current);
  corp.users[current.userid] = draft;
  indexUser(corp, draft);
}

export function findByMobile(corp: SandboxCorp, mobile: unknown): SandboxUser {
  const local = typeof mobile === "string" ? normalizeMobile(mobile) : "";
  const found = userByMobile(corp, local);
  const user = found?.active ? found : undefined;
  if (!user) throw new ApiFailure(60121, "user not found");
  return user;
}

/** The user as topapi/v2/user/get answers it. */
export function userToWire(user: SandboxUser): Record<string, unknown> {
  const { seq, modified_at, openid, ...rest } = user;
  void seq;
  void modified_at;
  void openid;
  return {
    ...rest,
    state_code: user.mobile?.startsWith("+") ? user.mobile.slice(1).split("-")[0] : "86",
    leader_in_dept: user.dept_id_list.map((dept_id) => ({ dept_id, leader: false })),
    role_list: [],
  };
}

export function deleteUser(corp: SandboxCorp, user: SandboxUser): void {
  unindexUser(corp, user);
  delete corp.users[user.userid];
}
