// The sandbox's first-start data. Align with prisma/seed.ts here: demo accounts use
// `<username>@example.com`, usernames like zhang.wei, mobiles "+86-138000000NN", job
// numbers E0001...
import { openIdFor, unionIdFor } from "./ids";
import { ALL_SCOPES, READ_SCOPES, type SandboxCorp, type SandboxState, type SandboxUser } from "./types";

export const SEED_CORP_ID = "dingsandboxcorp";
export const SEED_CORP_NAME = "Sandbox Corp";
export const SEED_APP = { appKey: "dingsandboxkey", appSecret: "dingsandboxsecret" } as const;
export const SEED_READONLY_APP = { appKey: "dingreadonlykey", appSecret: "dingreadonlysecret" } as const;

const ENGINEERING = 2;
const SALES = 3;

export const SEED_DEPARTMENTS = [
  { dept_id: ENGINEERING, name: "Engineering", parent_id: 1, order: 1, source_identifier: "dt-engineering" },
  { dept_id: SALES, name: "Sales", parent_id: 1, order: 2 },
];

type SeedUser = Pick<SandboxUser, "userid" | "name"> & Partial<Omit<SandboxUser, "unionid" | "openid" | "seq">>;

export const SEED_USERS: SeedUser[] = [
  // Match demo accounts by email (different userid and mobile).
  {
    userid: "dt0001",
    name: "Zhang Wei",
    email: "zhang.wei@example.com",
    mobile: "13900000001",
    title: "Engineer",
    dept_id_list: [ENGINEERING],
  },
  {
    userid: "dt0002",
    name: "Li Na",
    email: "li.na@example.com",
    mobile: "13900000002",
    title: "Designer",
    dept_id_list: [ENGINEERING],
  },
  { userid: "dt0003", name: "Wang Fang", email: "wang.fang@example.com", mobile: "13900000003", dept_id_list: [SALES] },
  {
    userid: "dt0004",
    name: "Tanaka Yuki",
    email: "tanaka.yuki@example.com",
    mobile: "+81-9000000004",
    dept_id_list: [ENGINEERING],
  },
  { userid: "dt0005", name: "Liu Yang", email: "liu.yang@example.com", mobile: "13900000005", dept_id_list: [1] },
  // Match demo accounts by mobile (no email).
  { userid: "dt0006", name: "Chen Jie", mobile: "+86-13800000006", dept_id_list: [SALES] },
  { userid: "dt0007", name: "Zhao Lei", mobile: "+86-13800000007", dept_id_list: [SALES] },
  { userid: "dt0008", name: "Sun Li", mobile: "+86-13800000008", dept_id_list: [1] },
  // Match demo accounts by userid.
  {
    userid: "john.smith",
    name: "John Smith",
    email: "jsmith@sandbox-corp.example",
    mobile: "+1-2025550109",
    dept_id_list: [ENGINEERING],
  },
  { userid: "maria.garcia", name: "Maria Garcia", mobile: "+34-600000010", dept_id_list: [SALES] },
  // Unrelated DingTalk-only users.
  ...[
    "Zhou Min",
    "Wu Gang",
    "Xu Jing",
    "Ma Chao",
    "Hu Yan",
    "Guo Qiang",
    "He Ping",
    "Lin Tao",
    "Luo Xin",
    "Gao Hui",
  ].map((name, i) => ({
    userid: `dt${String(11 + i).padStart(4, "0")}`,
    name,
    mobile: `137000000${String(11 + i).padStart(2, "0")}`,
    email: `${name.toLowerCase().replace(" ", ".")}@sandbox-corp.example`,
    job_number: `DT${String(11 + i).padStart(3, "0")}`,
    dept_id_list: [i % 3 === 0 ? 1 : i % 3 === 1 ? ENGINEERING : SALES],
  })),
];

/** A corp with only its root department (for corps made through /_sandbox/apps). */
export function emptyCorp(corpId: string, name = corpId): SandboxCorp {
  return {
    corpId,
    apps: {},
    departments: { "1": { dept_id: 1, name, parent_id: 0, order: 0 } },
    users: {},
    nextDeptId: 100,
    nextSeq: 1,
  };
}

/**
 * Back to the first-start directory: the seeded departments and people for the seeded corp, or for
 * any corp with `withPeople` (a corp that already has employees, some sharing an e-mail, a mobile or
 * a userid with demo accounts); otherwise the root department alone.
 */
export function seedDirectory(corp: SandboxCorp, { withPeople = corp.corpId === SEED_CORP_ID } = {}): void {
  const fresh = emptyCorp(corp.corpId, corp.corpId === SEED_CORP_ID ? SEED_CORP_NAME : corp.departments["1"]?.name);
  corp.departments = fresh.departments;
  corp.users = {};
  corp.nextDeptId = fresh.nextDeptId;
  corp.nextSeq = 1;
  if (!withPeople) return;
  for (const d of SEED_DEPARTMENTS) corp.departments[String(d.dept_id)] = { ...d };
  for (const u of SEED_USERS) {
    corp.users[u.userid] = {
      ...u,
      dept_id_list: u.dept_id_list ?? [1],
      unionid: unionIdFor(corp.corpId, u.userid),
      openid: openIdFor(corp.corpId, u.userid),
      active: true,
      admin: false,
      boss: false,
      seq: corp.nextSeq++,
      modified_at: Date.now(),
    };
  }
}

export function createSeedState(): SandboxState {
  const corp = emptyCorp(SEED_CORP_ID, SEED_CORP_NAME);
  seedDirectory(corp);
  corp.apps[SEED_APP.appKey] = { ...SEED_APP, scopes: [...ALL_SCOPES], authedDept: [1] };
  corp.apps[SEED_READONLY_APP.appKey] = { ...SEED_READONLY_APP, scopes: [...READ_SCOPES], authedDept: [1] };
  return { version: 1, corps: { [SEED_CORP_ID]: corp }, tokens: {}, userTokens: {}, codes: {} };
}
